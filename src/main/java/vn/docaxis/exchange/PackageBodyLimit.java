package vn.docaxis.exchange;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import vn.docaxis.platform.BodyLimit;

/** Packages may be far larger than JSON bodies: tens of megabytes of attachments. */
@ApplicationScoped
public class PackageBodyLimit implements BodyLimit {

    @Inject
    ExchangeConfig config;

    @Override
    public String pathPrefix() {
        return "/api/v1/packages";
    }

    @Override
    public long maxBytes() {
        return config.maxPackageBytes();
    }
}
