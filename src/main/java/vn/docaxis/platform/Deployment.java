package vn.docaxis.platform;

import io.quarkus.runtime.configuration.ConfigUtils;

/** Production is the {@code prod} profile: the only one where trial conveniences are refused. */
public final class Deployment {

    private Deployment() {
    }

    public static boolean isProduction() {
        return ConfigUtils.getProfiles().contains("prod");
    }
}
