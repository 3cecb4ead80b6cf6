package vn.docaxis.cluster;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.nio.file.Path;
import java.security.cert.X509CRL;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import vn.docaxis.edxml.AttachmentSource;
import vn.docaxis.edxml.EdxmlWriter;
import vn.docaxis.edxml.TestHeaders;
import vn.docaxis.platform.EmbeddedDatabase;
import vn.docaxis.support.AxisClient;
import vn.docaxis.support.ServiceProcess;
import vn.docaxis.support.TestPdfs;
import vn.docaxis.support.TestPki;

/**
 * Packaged docaxis instances in the prod profile on one PostgreSQL of the test's own, provisioned
 * over the admin API with agencies, systems and a test PKI (TEST MATERIAL ONLY), so that packages
 * carry real agency signatures the production policy accepts.
 */
final class AxisCluster implements AutoCloseable {

    static final Duration START = Duration.ofSeconds(120);
    static final String ADMIN_PASSWORD = "cluster-admin-password";
    static final String MASTER_KEY = "AAECAwQFBgcICQoLDA0ODxAREhMUFRYXGBkaGxwdHh8="; // test only
    static final ObjectMapper JSON = new ObjectMapper();

    final Path dir;
    EmbeddedDatabase database;
    final Map<String, String> env = new HashMap<>();
    final List<String> jvmArgs;
    final ServiceProcess[] instances;
    private final TestPki.Issued root = TestPki.root("docaxis TEST cluster root");

    AxisCluster(Path dir, int size, String... jvmArgs) throws Exception {
        this.dir = dir;
        this.jvmArgs = List.of(jvmArgs);
        this.database = EmbeddedDatabase.start(dir.resolve("pg"));
        TestPki.Issued evidenceKey = TestPki.certificate(null, "CN=docaxis TEST cluster evidence key, C=VN")
                .keys(TestPki.ec()).build();
        Path keystore = TestPki.pkcs12(evidenceKey, dir.resolve("evidence.p12"), "test-evidence-password");
        env.putAll(Map.of("DOCAXIS_DB_URL", database.jdbcUrl(), "DOCAXIS_DB_USER", "postgres",
                "DOCAXIS_MASTER_KEY", MASTER_KEY, "DOCAXIS_ADMIN_PASSWORD", ADMIN_PASSWORD,
                "DOCAXIS_EVIDENCE_KEYSTORE", keystore.toString(), "DOCAXIS_EVIDENCE_KEYSTORE_PASSWORD",
                "test-evidence-password"));
        this.instances = new ServiceProcess[size];
        for (int i = 0; i < size; i++) {
            instances[i] = ServiceProcess.start(dir, env, this.jvmArgs.toArray(String[]::new));
        }
        for (ServiceProcess instance : instances) {
            instance.awaitReady(START);
        }
        AxisClient admin = admin();
        check(admin.send("POST", "/api/v1/admin/trust/anchors", "application/x-pem-file",
                TestPki.pem(root.certificate()).getBytes()));
        X509CRL crl = TestPki.crl(root, List.of(), Instant.now().minusSeconds(3600), Instant.now().plus(Duration.ofDays(7)));
        check(admin.send("POST", "/api/v1/admin/trust/crls", "application/pkix-crl", crl.getEncoded()));
    }

    /** Kills instance {@code i} with SIGKILL and starts a new one in its place, on a new port. */
    void crashAndRestart(int i) throws Exception {
        instances[i].kill();
        instances[i] = ServiceProcess.start(dir, env, jvmArgs.toArray(String[]::new));
        instances[i].awaitReady(START);
    }

    /** Stops PostgreSQL (a clean shutdown: connections drop) and returns a way to start it again. */
    void stopDatabase() throws Exception {
        database.close();
    }

    /** Starts PostgreSQL again on the same directory and port: the instances' URL is unchanged. */
    void startDatabase(int port) throws Exception {
        database = EmbeddedDatabase.start(dir.resolve("pg"), port);
    }

    String base(int i) {
        return instances[i].baseUrl();
    }

    AxisClient admin() {
        return new AxisClient(() -> base(0), "admin", ADMIN_PASSWORD);
    }

    /**
     * An agency with a system acting for it, and a one-page document of that agency to reuse,
     * signed as QCVN practice has it: by the competent person, then sealed by the agency.
     */
    record Party(String agency, String system, String secret, byte[] signedPdf) {
        AxisClient client(java.util.function.Supplier<String> base) {
            return new AxisClient(base, system, secret);
        }

        /** The same system over connections of its own, not the tests' shared one. */
        AxisClient ownClient(java.util.function.Supplier<String> base, java.net.http.HttpClient.Version version) {
            return new AxisClient(base, system, secret, AxisClient.ownConnections(version));
        }
    }

    Party party(String agency, String name) throws Exception {
        AxisClient admin = admin();
        check(admin.postJson("/api/v1/admin/agencies", JSON.writeValueAsString(Map.of("code", agency, "name", name))));
        String system = "sys." + agency;
        String secret = check(admin.postJson("/api/v1/admin/systems", JSON.writeValueAsString(Map.of("id", system,
                "name", "System of " + name, "agencies", List.of(agency))))).json().get("secret").asText();
        return new Party(agency, system, secret, signed(agency, TestPdfs.document("Cong van cua " + agency)));
    }

    /** A PDF signed by a person of the agency, then sealed by the agency (test PKI). */
    byte[] signed(String agency, byte[] pdf) {
        TestPki.Issued person = TestPki.certificate(root, "CN=Người ký " + agency + ", O=docaxis TEST PKI, C=VN").build();
        TestPki.Issued seal = TestPki.agency(root, agency);
        byte[] personal = TestPdfs.sign(pdf, new TestPdfs.Signer(person, List.of(person.certificate())));
        return TestPdfs.sign(personal, new TestPdfs.Signer(seal, List.of(seal.certificate())));
    }

    /** A new document of {@code sender} to the recipients, its DocumentId and subject unique by {@code serial}. */
    static byte[] document(Party sender, String serial, String... to) {
        String documentId = sender.agency() + ",2026/11/23," + serial + "/TEST";
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        EdxmlWriter.writeDocument(out, TestHeaders.numbered(sender.agency(), documentId, serial, "Văn bản thử " + serial,
                null, to), List.of(AttachmentSource.of("cid:main", serial + ".pdf", "application/pdf", sender.signedPdf())));
        return out.toByteArray();
    }

    static AxisClient.Answer check(AxisClient.Answer answer) {
        if (!answer.ok()) {
            throw new AssertionError("unexpected answer " + answer);
        }
        return answer;
    }

    static List<JsonNode> items(AxisClient.Answer answer) {
        List<JsonNode> items = new ArrayList<>();
        check(answer).json().get("items").forEach(items::add);
        return items;
    }

    @Override
    public void close() throws Exception {
        for (ServiceProcess instance : instances) {
            if (instance != null) {
                instance.close();
            }
        }
        database.close();
    }
}
