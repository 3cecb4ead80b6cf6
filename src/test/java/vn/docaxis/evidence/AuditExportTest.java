package vn.docaxis.evidence;

import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static vn.docaxis.support.Exchange.party;
import static vn.docaxis.support.Exchange.pendingFrom;
import static vn.docaxis.support.Exchange.sent;
import static vn.docaxis.support.Exchange.sha256;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.cert.X509Certificate;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import org.junit.jupiter.api.Test;
import vn.docaxis.support.Api;
import vn.docaxis.support.Exchange.Party;

/** An auditor exports an agency's evidence and checks it with nothing but the files of the ZIP. */
@QuarkusTest
class AuditExportTest {

    private static final LocalDate TODAY = LocalDate.now(ZoneId.of("Asia/Ho_Chi_Minh"));

    @Test
    void anExportVerifiesFromItsOwnFilesAlone() throws Exception {
        Party sender = party();
        Party r = party();
        String packageId = sent(sender, r);
        r.call().contentType(ContentType.JSON).body(Map.of("result", "done"))
                .post("/api/v1/inbox/" + pendingFrom(r, "edoc", packageId) + "/ack").then().statusCode(200);
        List<Long> ofPackage = EvidenceTest.list(sender, packageId).stream()
                .map(e -> ((Number) e.get("sequence")).longValue()).toList();

        Map<String, byte[]> zip = unzip(auditor().queryParam("agency", sender.agency())
                .queryParam("from", TODAY.minusDays(1).toString()).queryParam("to", TODAY.plusDays(1).toString())
                .get("/api/v1/audit/export").then().statusCode(200).contentType("application/zip").extract().asByteArray());

        // the manifest names every other file with its hash
        String manifest = new String(zip.get("MANIFEST.sha256"), StandardCharsets.UTF_8);
        Map<String, String> listed = new TreeMap<>();
        manifest.lines().forEach(l -> listed.put(l.substring(66), l.substring(0, 64)));
        assertEquals(new TreeSet<>(zip.keySet()).headSet("MANIFEST.sha256").size()
                + new TreeSet<>(zip.keySet()).tailSet("MANIFEST.sha256", false).size(), listed.size());
        listed.forEach((name, hash) -> assertEquals(hash, sha256(zip.get(name)), name));
        assertTrue(zip.containsKey("VERIFY.txt") && zip.containsKey("index.csv"));

        // the package's evidence is all there, and everything there involves the agency
        TreeMap<Long, byte[]> evidence = new TreeMap<>();
        zip.forEach((name, bytes) -> {
            if (name.startsWith("evidence/")) {
                evidence.put(Long.parseLong(name.substring(9, 21)), bytes);
            }
        });
        assertTrue(evidence.keySet().containsAll(ofPackage), evidence.keySet() + " lacks some of " + ofPackage);
        evidence.values().forEach(xml -> assertTrue(new String(xml, StandardCharsets.UTF_8)
                .contains(">" + sender.agency() + "</Agency>")));

        // signatures and links, checked with the JDK's XML-DSig and the exported certificate only
        X509Certificate axis = EvidenceXmlCheck.certificate(zip.get("axis.pem"));
        for (Map.Entry<Long, byte[]> e : evidence.entrySet()) {
            assertTrue(EvidenceXmlCheck.signatureHolds(e.getValue(), axis), "evidence " + e.getKey());
            assertEquals(e.getKey().toString(), EvidenceXmlCheck.text(e.getValue(), "Sequence"));
            byte[] previous = evidence.get(e.getKey() - 1);
            if (previous != null) {
                assertEquals(sha256(previous), EvidenceXmlCheck.text(e.getValue(), "PreviousHash"));
            }
        }
        // a checkpoint covers the last of them, and states its hash
        List<byte[]> checkpoints = zip.entrySet().stream().filter(e -> e.getKey().startsWith("checkpoints/"))
                .map(Map.Entry::getValue).toList();
        assertFalse(checkpoints.isEmpty());
        byte[] covering = checkpoints.get(checkpoints.size() - 1);
        assertTrue(EvidenceXmlCheck.signatureHolds(covering, axis));
        long lastSequence = Long.parseLong(EvidenceXmlCheck.text(covering, "LastSequence"));
        assertTrue(lastSequence >= evidence.lastKey());
        if (evidence.containsKey(lastSequence)) {
            assertEquals(sha256(evidence.get(lastSequence)), EvidenceXmlCheck.text(covering, "LastHash"));
        }
    }

    @Test
    void theCommandsOfVerifyTxtPassOnTheExportAndFailOnAChangedFile() throws Exception {
        Xmlsec1.requireInstalled();
        Party sender = party();
        Party r = party();
        sent(sender, r);
        Map<String, byte[]> zip = unzip(auditor().queryParam("from", TODAY.minusDays(1).toString())
                .queryParam("to", TODAY.plusDays(1).toString()).get("/api/v1/audit/export")
                .then().statusCode(200).extract().asByteArray());
        Path dir = Files.createTempDirectory(Path.of("target"), "export-");
        for (Map.Entry<String, byte[]> e : zip.entrySet()) {
            Path file = dir.resolve(e.getKey());
            Files.createDirectories(file.getParent());
            Files.write(file, e.getValue());
        }
        String verify = new String(zip.get("VERIFY.txt"), StandardCharsets.UTF_8);
        String commands = verify.substring(verify.indexOf(VerifyText.COMMANDS_START) + VerifyText.COMMANDS_START.length(),
                verify.indexOf(VerifyText.COMMANDS_END));
        Files.writeString(dir.resolve("verify.sh"), commands);

        assertEquals("ALL CHECKS PASSED", run(dir).strip());

        Path some;
        try (var files = Files.list(dir.resolve("evidence"))) {
            some = files.sorted().findFirst().orElseThrow();
        }
        String before = sha256(Files.readAllBytes(some));
        Files.writeString(some, Files.readString(some).replace("<Event>", "<Event> "));
        assertTrue(run(dir).contains("FAILED"), "sha256sum notices a changed file");

        // whoever changed it rewrites the manifest too: the signature still tells
        Path manifest = dir.resolve("MANIFEST.sha256");
        Files.writeString(manifest, Files.readString(manifest).replace(before, sha256(Files.readAllBytes(some))));
        assertTrue(run(dir).contains("SIGNATURE DOES NOT VERIFY: evidence/"), "xmlsec1 notices it");
    }

    @Test
    void onlyAuditorsAndAdminsExportAndThePeriodMustMakeSense() {
        party().call().queryParam("from", "2026-11-01").queryParam("to", "2026-11-30").get("/api/v1/audit/export")
                .then().statusCode(403).body("code", equalTo("NOT_AUTHORIZED"));
        auditor().queryParam("from", "2026-11-31").queryParam("to", "2026-12-01").get("/api/v1/audit/export")
                .then().statusCode(400).body("code", equalTo("INVALID_PARAMETER"));
        auditor().queryParam("from", "2026-11-23").get("/api/v1/audit/export")
                .then().statusCode(400).body("code", equalTo("INVALID_PARAMETER"));
        auditor().queryParam("from", "2026-11-23").queryParam("to", "2026-11-22").get("/api/v1/audit/export")
                .then().statusCode(400).body("code", equalTo("INVALID_PARAMETER"));
        auditor().queryParam("agency", "000.00.7.H41").queryParam("from", "2026-11-23").queryParam("to", "2026-11-23")
                .get("/api/v1/audit/export").then().statusCode(400).body("code", equalTo("INVALID_PARAMETER"));
    }

    private static String run(Path dir) throws Exception {
        Process p = new ProcessBuilder("sh", "verify.sh").directory(dir.toFile()).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(120, TimeUnit.SECONDS));
        System.out.println("verify.sh: exit " + p.exitValue() + "\n" + out);
        return p.exitValue() == 0 ? out : "exit " + p.exitValue() + ": " + out;
    }

    private static final String AUDITOR = Api.freshName("auditor");
    private static boolean created;

    private static RequestSpecification auditor() {
        if (!created) {
            Api.createUser(AUDITOR, "auditor", List.of());
            created = true;
        }
        return Api.as(AUDITOR, Api.PASSWORD);
    }

    private static Map<String, byte[]> unzip(byte[] bytes) throws Exception {
        Map<String, byte[]> entries = new TreeMap<>();
        try (ZipInputStream zip = new ZipInputStream(new ByteArrayInputStream(bytes))) {
            for (ZipEntry e = zip.getNextEntry(); e != null; e = zip.getNextEntry()) {
                entries.put(e.getName(), zip.readAllBytes());
            }
        }
        return entries;
    }
}
