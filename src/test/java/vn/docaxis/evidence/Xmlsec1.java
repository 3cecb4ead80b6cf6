package vn.docaxis.evidence;

import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;

/**
 * The standard tool an auditor would use: {@code xmlsec1 --verify --trusted-pem axis.pem file}.
 * CI installs it and sets DOCAXIS_REQUIRE_XMLSEC1, so there a missing tool fails the build.
 */
final class Xmlsec1 {

    private Xmlsec1() {
    }

    /** Skips the test where xmlsec1 is missing, unless it is required (CI). */
    static void requireInstalled() {
        Assumptions.assumeTrue(installed(), "xmlsec1 is not installed; .ci/run installs it");
    }

    /** Whether xmlsec1 can run here; where it is required but missing, the test fails. */
    static boolean installed() {
        boolean installed = Files.isExecutable(Path.of("/usr/bin/xmlsec1"));
        if (!installed && System.getenv("DOCAXIS_REQUIRE_XMLSEC1") != null) {
            fail("xmlsec1 is required here (DOCAXIS_REQUIRE_XMLSEC1) but not installed: apt-get install -y xmlsec1");
        }
        return installed;
    }

    /** Whether xmlsec1 accepts the file's signature trusting only the given certificate. */
    static boolean verifies(Path file, Path trustedPem) throws IOException, InterruptedException {
        Process p = new ProcessBuilder("/usr/bin/xmlsec1", "--verify", "--trusted-pem", trustedPem.toString(),
                file.toString()).redirectErrorStream(true).start();
        String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!p.waitFor(30, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            fail("xmlsec1 did not finish");
        }
        System.out.println("xmlsec1 " + file.getFileName() + ": exit " + p.exitValue() + "\n" + output);
        return p.exitValue() == 0 && output.contains("OK");
    }
}
