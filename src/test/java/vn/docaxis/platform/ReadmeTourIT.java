package vn.docaxis.platform;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.docaxis.support.ServiceProcess;

/** Runs the README's five-minute tour, verbatim but for the port, against a fresh trial service. */
class ReadmeTourIT {

    @TempDir
    Path dir;

    @Test
    void theTourWorksAsWritten() throws Exception {
        String readme = Files.readString(Path.of(System.getProperty("docaxis.basedir", ".")).resolve("README.md"));
        int heading = readme.indexOf("## A five-minute tour");
        int start = readme.indexOf("```bash\n", heading) + "```bash\n".length();
        String tour = readme.substring(start, readme.indexOf("```", start));

        try (ServiceProcess service = ServiceProcess.start(dir, Map.of("DOCAXIS_ADMIN_PASSWORD", "demo-admin-password"),
                "-Dquarkus.profile=trial", "-Ddocaxis.data-dir=" + dir.resolve("data")).awaitReady(Duration.ofSeconds(120))) {
            Process bash = new ProcessBuilder("bash", "-euo", "pipefail", "-c",
                    tour.replace("localhost:8080", "localhost:" + service.port()))
                    .redirectErrorStream(true).start();
            String output = new String(bash.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertTrue(bash.waitFor(60, TimeUnit.SECONDS));
            assertEquals(0, bash.exitValue(), output);
            for (String expected : List.of(
                    "\"status\": \"UP\"",
                    "\"name\":\"admin\"",
                    "\"subtrees\":[\"000.00.00.H41\"]",
                    "\"code\":\"000.00.05.H41\"",
                    "\"code\":\"000.00.07.H41\",\"name\":\"Sở Tư pháp tỉnh Nghệ An\",\"parentCode\":\"000.00.00.H41\"",
                    "{\"created\":2,\"updated\":0,\"unchanged\":0}",
                    "{\"id\":\"stp.nghean\",\"secret\":\"",
                    "\"code\":\"NOT_AUTHORIZED\"",
                    "\"code\":\"INVALID_AGENCY_CODE\"",
                    "\"actor\":\"vxp.nghean\"",
                    "\"verification\":\"ACCEPTED\"",
                    "\"field\":\"chanh-van-phong\"",
                    "\"coverage\":\"REVISION\"",
                    "\"coverage\":\"WHOLE_FILE\"",
                    "\"code\":\"SIGNATURE_POLICY_FAILED\"",
                    "\"code\":\"DIGEST_MISMATCH\"",
                    "Repr-Digest: sha-256=:",
                    "\"state\":\"DELIVERED\"",
                    "\"event\":\"RETRIEVED\"",
                    "200 application/pdf",
                    "\"intact\":true")) {
                assertTrue(output.contains(expected), "the tour's output lacks " + expected + ":\n" + output);
            }
        }
    }
}
