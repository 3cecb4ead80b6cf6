package vn.docaxis.demo;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.nio.file.Path;

@ConfigMapping(prefix = "docaxis.demo")
public interface DemoConfig {

    /**
     * Load the demo agencies, connected systems and users on a database whose registry is empty.
     * Their secrets and passwords are published in the README: refused in the prod profile.
     */
    @WithDefault("false")
    boolean load();

    /** The demo data file. */
    @WithDefault("samples/agencies.json")
    Path file();
}
