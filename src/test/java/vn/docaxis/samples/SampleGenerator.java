package vn.docaxis.samples;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.PrivateKey;
import java.security.cert.X509CRL;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import vn.docaxis.edxml.AttachmentSource;
import vn.docaxis.edxml.EdxmlWriter;
import vn.docaxis.edxml.TestHeaders;
import vn.docaxis.support.TestEnvelopes;
import vn.docaxis.support.TestPdfs;
import vn.docaxis.support.TestPki;

/**
 * Writes the demo PKI ({@code samples/pki}) and signed sample packages ({@code samples/packages}).
 * Run with {@code ./mvnw -Psamples} (see the README). Everything it writes is DEMO ONLY: the
 * private keys are published.
 */
public final class SampleGenerator {

    static final Duration VALIDITY = Duration.ofDays(3650);
    /** Agencies of samples/agencies.json that get an agency (seal) certificate. */
    static final Map<String, String> AGENCIES = new LinkedHashMap<>();

    static {
        AGENCIES.put("000.00.00.G22", "Văn phòng Chính phủ");
        AGENCIES.put("000.00.00.G12", "Bộ Tài chính");
        AGENCIES.put("000.00.18.G12", "Tổng cục Thuế");
        AGENCIES.put("000.00.00.G17", "Bộ G17");
        AGENCIES.put("000.00.00.H41", "Ủy ban nhân dân tỉnh Nghệ An");
        AGENCIES.put("000.00.01.H41", "Văn phòng UBND tỉnh Nghệ An");
        AGENCIES.put("000.00.00.H14", "Ủy ban nhân dân tỉnh H14");
    }

    private SampleGenerator() {
    }

    public static void main(String[] args) throws Exception {
        Path samples = Path.of(args.length > 0 ? args[0] : "samples");
        Path pki = samples.resolve("pki");
        Path packages = samples.resolve("packages");
        Instant now = Instant.now();
        Instant from = now.minus(Duration.ofDays(1));
        Instant until = now.plus(VALIDITY);

        TestPki.Issued root = TestPki.certificate(null, "CN=docaxis DEMO Root CA (DO NOT TRUST), O=docaxis DEMO ONLY, C=VN")
                .ca().validity(from, until).build();
        TestPki.Issued issuing = TestPki.certificate(root, "CN=docaxis DEMO Issuing CA (DO NOT TRUST), O=docaxis DEMO ONLY, C=VN")
                .ca().validity(from, until).build();
        write(pki.resolve("trust/anchors/demo-root.pem"), root.pem());
        write(pki.resolve("trust/intermediates/demo-issuing-ca.pem"), issuing.pem());
        write(pki.resolve("trust/crls/demo-root.crl"), pem(TestPki.crl(root, List.of(), from, until)));
        write(pki.resolve("trust/crls/demo-issuing-ca.crl"), pem(TestPki.crl(issuing, List.of(), from, until)));
        writeIssued(pki.resolve("ca/demo-root"), root);
        writeIssued(pki.resolve("ca/demo-issuing-ca"), issuing);

        Map<String, TestPki.Issued> seals = new LinkedHashMap<>();
        for (Map.Entry<String, String> a : AGENCIES.entrySet()) {
            TestPki.Issued seal = TestPki.certificate(issuing, "CN=" + a.getValue() + ", OU=" + a.getKey()
                    + ", O=docaxis DEMO ONLY, C=VN").validity(from, until).build();
            seals.put(a.getKey(), seal);
            writeIssued(pki.resolve("agencies/" + a.getKey()), seal);
        }
        TestPki.Issued chanhVanPhong = TestPki.certificate(issuing, "CN=Nguyễn Văn An, OU=Vụ Hành chính, O=docaxis DEMO ONLY, C=VN")
                .validity(from, until).build();
        TestPki.Issued chuTich = TestPki.certificate(issuing, "CN=Trần Thị Bình, OU=Văn phòng UBND, O=docaxis DEMO ONLY, C=VN")
                .validity(from, until).build();
        writeIssued(pki.resolve("people/nguyen-van-an"), chanhVanPhong);
        writeIssued(pki.resolve("people/tran-thi-binh"), chuTich);
        write(pki.resolve("README.md"), PKI_README);
        // the service refuses, in production, a trust directory that carries this marker
        write(pki.resolve("trust").resolve("DEMO-ONLY"), "Demo trust material: its private keys are published in ../. "
                + "Never trust it in production.\n");

        TestPdfs.Signer person = new TestPdfs.Signer(chanhVanPhong, List.of(chanhVanPhong.certificate(), issuing.certificate()));
        TestPdfs.Signer vpcp = new TestPdfs.Signer(seals.get("000.00.00.G22"), List.of(seals.get("000.00.00.G22").certificate(),
                issuing.certificate()));
        TestPdfs.Signer nghean = new TestPdfs.Signer(seals.get("000.00.00.H41"), List.of(seals.get("000.00.00.H41").certificate(),
                issuing.certificate()));
        byte[] document = TestPdfs.document("Cong van so 7816/VPCP-TTDT ve ket noi lien thong van ban (DEMO)");
        byte[] signed = TestPdfs.sign(TestPdfs.sign(document, person, TestPdfs.Options.pades().named("chanh-van-phong")),
                vpcp, TestPdfs.Options.pades().named("van-phong-chinh-phu"));

        String[] to = {"000.00.00.H41", "000.00.01.H41"};
        write(packages.resolve("valid-two-signatures.edxml"), pkg("000.00.00.G22,2026/11/23,7816/VPCP-TTĐT", signed, to));
        write(packages.resolve("valid-with-envelope-signature.edxml"), TestEnvelopes.sign(
                pkg("000.00.00.G22,2026/11/23,7817/VPCP-TTĐT", signed, to), seals.get("000.00.00.G22"), TestEnvelopes.Variant.STANDARD));
        write(packages.resolve("invalid-tampered.edxml"), pkg("000.00.00.G22,2026/11/23,7818/VPCP-TTĐT",
                TestPdfs.flipByte(signed, new String(signed, StandardCharsets.ISO_8859_1).indexOf("595",
                        new String(signed, StandardCharsets.ISO_8859_1).indexOf("/MediaBox")) + 2), to));
        write(packages.resolve("invalid-appended-after-signing.edxml"), pkg("000.00.00.G22,2026/11/23,7819/VPCP-TTĐT",
                TestPdfs.append(signed, "\n% added after signing\n"), to));
        write(packages.resolve("invalid-personal-signature-only.edxml"), pkg("000.00.00.G22,2026/11/23,7820/VPCP-TTĐT",
                TestPdfs.sign(document, person), to));
        write(packages.resolve("invalid-signed-by-another-agency.edxml"), pkg("000.00.00.G22,2026/11/23,7821/VPCP-TTĐT",
                TestPdfs.sign(document, nghean), to));
        write(packages.resolve("README.md"), PACKAGES_README);
        System.out.println("Samples written under " + samples.toAbsolutePath());
    }

    private static byte[] pkg(String documentId, byte[] pdf, String... to) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        EdxmlWriter.writeDocument(out, TestHeaders.documentWithId("000.00.00.G22", documentId, null, to),
                List.of(AttachmentSource.of("cid:vanban", "7816-VPCP-TTDT.pdf", "application/pdf", pdf)));
        return out.toByteArray();
    }

    private static void writeIssued(Path base, TestPki.Issued issued) throws IOException {
        write(Path.of(base + ".pem"), issued.pem());
        write(Path.of(base + ".key.pem"), pem(issued.key()));
    }

    static String pem(PrivateKey key) {
        return "-----BEGIN PRIVATE KEY-----\n" + Base64.getMimeEncoder(64, "\n".getBytes()).encodeToString(key.getEncoded())
                + "\n-----END PRIVATE KEY-----\n";
    }

    static String pem(X509CRL crl) throws Exception {
        return "-----BEGIN X509 CRL-----\n" + Base64.getMimeEncoder(64, "\n".getBytes()).encodeToString(crl.getEncoded())
                + "\n-----END X509 CRL-----\n";
    }

    private static void write(Path file, String text) throws IOException {
        write(file, text.getBytes(StandardCharsets.UTF_8));
    }

    private static void write(Path file, byte[] bytes) throws IOException {
        Files.createDirectories(file.getParent());
        Files.write(file, bytes);
    }

    private static final String PKI_README = """
            # Demo PKI — DEMO ONLY, NEVER TRUST IN PRODUCTION

            Every private key in this directory is published. Nothing signed with these keys proves
            anything. The prod profile refuses to load `trust/` (it carries the `DEMO-ONLY` marker);
            trial and dev modes load it (docaxis.signature.trust-dir) so that the sample packages verify.

            - `trust/anchors/demo-root.pem` — the demo root CA (the only trust anchor)
            - `trust/intermediates/demo-issuing-ca.pem` — the demo issuing CA
            - `trust/crls/` — current, empty CRLs of both CAs (nextUpdate ten years ahead)
            - `ca/` — the CA certificates with their private keys
            - `agencies/<code>.pem` (+ `.key.pem`) — agency seal certificates; the agency code is in OU,
              which the default subject rule binds to the agency
            - `people/` — personal signers (the competent persons), not bound to any agency

            Regenerate with `./mvnw -Psamples` (new keys every time; then restart the trial service on
            a fresh data directory).
            """;

    private static final String PACKAGES_README = """
            # Sample packages — DEMO ONLY

            From Văn phòng Chính phủ (000.00.00.G22) to UBND tỉnh Nghệ An (000.00.00.H41) and its office
            (000.00.01.H41), signed with the demo PKI of `../pki`. Submit them as the demo system
            `000.00.00.G22` (see the README tour). Expected outcomes:

            | file | outcome |
            |---|---|
            | `valid-two-signatures.edxml` | 201, verification ACCEPTED: personal signature (revision 2), then the agency's (whole file) |
            | `valid-with-envelope-signature.edxml` | 201, ACCEPTED; the envelope XML signature is VALID too |
            | `invalid-tampered.edxml` | 422 SIGNATURE_POLICY_FAILED: DIGEST_MISMATCH (one byte changed after signing) |
            | `invalid-appended-after-signing.edxml` | 422: TRAILING_DATA |
            | `invalid-personal-signature-only.edxml` | 422: MISSING_AGENCY_SIGNATURE |
            | `invalid-signed-by-another-agency.edxml` | 422: AGENCY_MISMATCH (signed with Nghệ An's seal) |

            Regenerate with `./mvnw -Psamples`.
            """;
}
