package vn.docaxis.exchange;

import io.quarkus.arc.DefaultBean;
import jakarta.enterprise.context.ApplicationScoped;
import java.nio.file.Path;
import java.time.Instant;
import vn.docaxis.edxml.ParsedPackage;

/** Used only while no signature verifier is installed: says plainly that nothing was checked. */
@DefaultBean
@ApplicationScoped
public class UncheckedPackages implements PackageVerifier {

    @Override
    public Verification verify(ParsedPackage parsed, Path packageFile, Instant receivedAt) {
        return new Verification(Verification.NOT_CHECKED, null);
    }
}
