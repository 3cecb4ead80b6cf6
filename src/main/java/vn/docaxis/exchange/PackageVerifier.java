package vn.docaxis.exchange;

import java.nio.file.Path;
import java.time.Instant;
import vn.docaxis.edxml.ParsedPackage;

/**
 * Checks the signatures of an incoming package before anything is stored; implemented by the
 * signature feature. ({@code NOT_CHECKED} remains a legal stored verdict for tools that import
 * packages without verification.)
 */
public interface PackageVerifier {

    /**
     * @param packageFile the package bytes exactly as received
     * @param receivedAt the validation time to use when no trusted timestamp is present
     */
    Verification verify(ParsedPackage parsed, Path packageFile, Instant receivedAt);

    /**
     * @param verdict NOT_CHECKED, ACCEPTED or REFUSED
     * @param reportJson the full report, kept with the package (null when nothing was checked)
     */
    record Verification(String verdict, String reportJson) {
        public static final String NOT_CHECKED = "NOT_CHECKED";
        public static final String ACCEPTED = "ACCEPTED";
        public static final String REFUSED = "REFUSED";

        public boolean refused() {
            return REFUSED.equals(verdict);
        }
    }
}
