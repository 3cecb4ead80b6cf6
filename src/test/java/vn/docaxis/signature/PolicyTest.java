package vn.docaxis.signature;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.docaxis.edxml.AttachmentSource;
import vn.docaxis.edxml.EdxmlReader;
import vn.docaxis.edxml.EdxmlWriter;
import vn.docaxis.edxml.Limits;
import vn.docaxis.edxml.ParsedPackage;
import vn.docaxis.edxml.TestHeaders;
import vn.docaxis.platform.Certificates;
import vn.docaxis.support.TestEnvelopes;
import vn.docaxis.support.TestPdfs;
import vn.docaxis.support.TestPki;

/** The package policy of SIGNATURES.md over real packages, and the envelope XML signature. */
class PolicyTest {

    private static final Corpus C = PdfVerifierTest.CORPUS;

    @TempDir
    Path dir;

    @Test
    void aDocumentSignedByTheCompetentPersonThenTheSendingAgencyIsAccepted() throws Exception {
        VerificationReport r = verify(pkg(C.twoSignatures()), policy());
        assertEquals("ACCEPTED", r.verdict(), r.reasons().toString());
        assertTrue(r.reasons().stream().noneMatch(Reason::isError));
        AttachmentReport main = r.attachments().get(0);
        assertTrue(main.mainDocument());
        assertEquals(List.of("PERSONAL", "AGENCY"), main.signatures().stream().map(s -> s.signer().role()).toList());
    }

    @Test
    void withoutTheAgencysSignatureThePackageIsRefused() throws Exception {
        byte[] personalOnly = TestPdfs.sign(TestPdfs.document("x"), C.signer(C.person));
        assertRefused(verify(pkg(personalOnly), policy()), ReasonCode.MISSING_AGENCY_SIGNATURE);
    }

    @Test
    void anotherAgencysSignatureIsAMismatch() throws Exception {
        byte[] otherAgency = TestPdfs.sign(TestPdfs.document("x"), C.signer(C.otherAgency));
        assertRefused(verify(pkg(otherAgency), policy()), ReasonCode.AGENCY_MISMATCH);
    }

    @Test
    void aMissingPersonalSignatureIsAWarningUnlessThePolicyRequiresIt() throws Exception {
        byte[] agencyOnly = TestPdfs.sign(TestPdfs.document("x"), C.signer(C.agency));
        VerificationReport lenient = verify(pkg(agencyOnly), policy());
        assertEquals("ACCEPTED", lenient.verdict());
        assertTrue(lenient.reasons().stream().anyMatch(x -> x.code() == ReasonCode.MISSING_PERSONAL_SIGNATURE && !x.isError()));
        TestConfig strict = policy();
        strict.requirePersonal = true;
        assertRefused(verify(pkg(agencyOnly), strict), ReasonCode.MISSING_PERSONAL_SIGNATURE);
    }

    @Test
    void aCertificateRegisteredForTheSenderBindsWithoutTheSubjectRule() throws Exception {
        TestPki.Issued plain = TestPki.certificate(C.intermediate, "CN=Con dấu, O=docaxis TEST PKI, C=VN").build();
        byte[] signed = TestPdfs.sign(TestPdfs.document("x"), C.signer(plain));
        TestConfig registryOnly = policy();
        registryOnly.subjectAttribute = Optional.empty();
        VerificationReport unbound = verify(pkg(signed), registryOnly);
        assertRefused(unbound, ReasonCode.MISSING_AGENCY_SIGNATURE);
        TrustMaterial registered = TrustMaterial.of(2, List.of(C.root.certificate()), List.of(C.intermediate.certificate()),
                C.crls, Map.of(Certificates.fingerprint(plain.certificate()), Corpus.SENDER));
        VerificationReport bound = verify(pkg(signed), registryOnly, registered);
        assertEquals("ACCEPTED", bound.verdict(), bound.reasons().toString());
        assertEquals("REGISTRY", bound.attachments().get(0).signatures().get(0).signer().bindingSource());
    }

    @Test
    void anyInvalidSignatureOfAnyPdfRefusesThePackage() throws Exception {
        byte[] broken = TestPdfs.append(C.twoSignatures(), "junk");
        assertRefused(verify(pkg(broken), policy()), ReasonCode.TRAILING_DATA);
    }

    @Test
    void missingRevocationDataRefusesUnlessThePolicyAcceptsIt() throws Exception {
        TrustMaterial noCrls = TrustMaterial.of(3, List.of(C.root.certificate()), List.of(C.intermediate.certificate()),
                List.of(), Map.of());
        assertRefused(verify(pkg(C.twoSignatures()), policy(), noCrls), ReasonCode.REVOCATION_UNKNOWN);
        TestConfig lenient = policy();
        lenient.requireRevocation = false;
        VerificationReport accepted = verify(pkg(C.twoSignatures()), lenient, noCrls);
        assertEquals("ACCEPTED", accepted.verdict(), accepted.reasons().toString());
        assertTrue(accepted.reasons().stream().anyMatch(x -> x.code() == ReasonCode.REVOCATION_UNKNOWN && !x.isError()));
    }

    @Test
    void aPackageWithoutAnyPdfHasNoMainDocument() throws Exception {
        assertRefused(verify(pkg("not a pdf".getBytes(), "note.txt", "text/plain"), policy()), ReasonCode.NO_MAIN_DOCUMENT);
    }

    @Test
    void aValidEnvelopeSignatureOfTheSenderIsAccepted() throws Exception {
        byte[] signed = TestEnvelopes.sign(pkg(C.twoSignatures()), C.agency, TestEnvelopes.Variant.STANDARD);
        VerificationReport r = verify(signed, policy());
        assertEquals("ACCEPTED", r.verdict(), r.reasons() + " / " + r.envelope());
        assertNotNull(r.envelope());
        assertEquals(Outcome.VALID, r.envelope().outcome(), r.envelope().reasons().toString());
        assertEquals("AGENCY", r.envelope().signer().role());
    }

    @Test
    void aTamperedEnvelopeIsRefused() throws Exception {
        byte[] signed = TestEnvelopes.sign(pkg(C.twoSignatures()), C.agency, TestEnvelopes.Variant.STANDARD);
        byte[] tampered = new String(signed, StandardCharsets.UTF_8).replace("V/v kết nối", "V/v ngắt kết nối")
                .getBytes(StandardCharsets.UTF_8);
        VerificationReport r = verify(tampered, policy());
        assertRefused(r, ReasonCode.DIGEST_MISMATCH);
        assertEquals(Outcome.INVALID, r.envelope().outcome());
    }

    @Test
    void anHmacEnvelopeIsRefused() throws Exception {
        byte[] hmac = TestEnvelopes.sign(pkg(C.twoSignatures()), C.agency, TestEnvelopes.Variant.HMAC);
        assertRefused(verify(hmac, policy()), ReasonCode.UNSUPPORTED_SIGNATURE_METHOD);
    }

    @Test
    void anEnvelopeWithAnExtraReferenceIsRefused() throws Exception {
        byte[] extra = TestEnvelopes.sign(pkg(C.twoSignatures()), C.agency, TestEnvelopes.Variant.EXTRA_REFERENCE);
        assertRefused(verify(extra, policy()), ReasonCode.UNSUPPORTED_SIGNATURE_SHAPE);
    }

    @Test
    void anEnvelopeWithoutItsCertificateIsRefused() throws Exception {
        byte[] keyName = TestEnvelopes.sign(pkg(C.twoSignatures()), C.agency, TestEnvelopes.Variant.KEY_NAME_ONLY);
        assertRefused(verify(keyName, policy()), ReasonCode.NO_SIGNER_CERTIFICATE);
    }

    @Test
    void anEnvelopeInAPackageThatIsNotNamespaceCorrectCannotBeCheckedAndIsRefused() throws Exception {
        // real packages use undeclared attribute prefixes: the reader tolerates them, an XML-DSig validator cannot
        String signed = new String(TestEnvelopes.sign(pkg(C.twoSignatures()), C.agency, TestEnvelopes.Variant.STANDARD),
                StandardCharsets.UTF_8);
        int root = signed.indexOf('<', signed.indexOf("?>"));
        int end = signed.indexOf('>', root);
        byte[] undeclared = (signed.substring(0, end) + " xlink:type=\"simple\"" + signed.substring(end))
                .getBytes(StandardCharsets.UTF_8);
        VerificationReport r = verify(undeclared, policy());
        assertRefused(r, ReasonCode.ENVELOPE_UNREADABLE);
        assertEquals(Outcome.INDETERMINATE, r.envelope().outcome());
    }

    @Test
    void aLegacyNamespaceEnvelopeIsIndeterminateAndAcceptedAsConfigured() throws Exception {
        byte[] legacy = TestEnvelopes.legacyNamespace(TestEnvelopes.sign(pkg(C.twoSignatures()), C.agency,
                TestEnvelopes.Variant.STANDARD));
        VerificationReport accepted = verify(legacy, policy());
        assertEquals("ACCEPTED", accepted.verdict(), accepted.reasons().toString());
        assertEquals(Outcome.INDETERMINATE, accepted.envelope().outcome());
        assertEquals(ReasonCode.NON_STANDARD_SIGNATURE_NAMESPACE, accepted.envelope().reasons().get(0).code());
        TestConfig strict = policy();
        strict.acceptLegacy = false;
        assertRefused(verify(legacy, strict), ReasonCode.NON_STANDARD_SIGNATURE_NAMESPACE);
    }

    @Test
    void anEnvelopeSignedByAnotherAgencyIsRefused() throws Exception {
        byte[] signed = TestEnvelopes.sign(pkg(C.twoSignatures()), C.otherAgency, TestEnvelopes.Variant.STANDARD);
        assertRefused(verify(signed, policy()), ReasonCode.AGENCY_MISMATCH);
    }

    @Test
    void theReportSerializesForStorageAndTheProblemBody() throws Exception {
        VerificationReport r = verify(pkg(C.twoSignatures()), policy());
        String json = new ObjectMapper().findAndRegisterModules().writeValueAsString(r);
        assertTrue(json.contains("\"coverage\":\"REVISION\"") && json.contains("\"coverage\":\"WHOLE_FILE\""), json);
        assertTrue(json.contains("\"fingerprint\""), json);
    }

    // ---- helpers ----

    private byte[] pkg(byte[] pdf) {
        return pkg(pdf, "vanban.pdf", "application/pdf");
    }

    private byte[] pkg(byte[] attachment, String name, String contentType) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        EdxmlWriter.writeDocument(out, TestHeaders.document(Corpus.SENDER, "000.00.00.H41"),
                List.of(AttachmentSource.of("cid:main", name, contentType, attachment)));
        return out.toByteArray();
    }

    private VerificationReport verify(byte[] packageBytes, TestConfig config) throws Exception {
        return verify(packageBytes, config, C.trust());
    }

    private VerificationReport verify(byte[] packageBytes, TestConfig config, TrustMaterial material) throws Exception {
        Path file = Files.createTempFile(dir, "pkg", ".edxml");
        Files.write(file, packageBytes);
        PackageSignatureVerifier verifier = new PackageSignatureVerifier();
        verifier.config = config;
        verifier.trust = new TrustStore() {
            @Override
            public TrustMaterial material() {
                return material;
            }
        };
        try (ParsedPackage parsed = new EdxmlReader(Limits.defaults()).read(file, dir.resolve("work-" + System.nanoTime()))) {
            return verifier.report(parsed.content(), file, Instant.now());
        }
    }

    private static void assertRefused(VerificationReport r, ReasonCode code) {
        assertEquals("REFUSED", r.verdict(), r.reasons().toString());
        assertTrue(r.reasons().stream().anyMatch(x -> x.isError() && x.code() == code), "expected " + code + " in " + r.reasons());
    }

    private static TestConfig policy() {
        return new TestConfig();
    }

    /** The configuration with the defaults of SIGNATURES.md, each policy switch settable. */
    static final class TestConfig implements SignatureConfig {
        boolean requirePersonal;
        boolean requireRevocation = true;
        boolean acceptLegacy = true;
        Optional<String> subjectAttribute = Optional.of("OU");

        @Override
        public Optional<Path> trustDir() {
            return Optional.empty();
        }

        @Override
        public String trustRefreshEvery() {
            return "30s";
        }

        @Override
        public Policy policy() {
            return new Policy() {
                @Override
                public boolean requireAgencySignature() {
                    return true;
                }

                @Override
                public boolean requirePersonalSignature() {
                    return requirePersonal;
                }

                @Override
                public boolean requireRevocationData() {
                    return requireRevocation;
                }

                @Override
                public boolean acceptLegacyEnvelopeNamespace() {
                    return acceptLegacy;
                }

                @Override
                public boolean allowSha1Envelope() {
                    return false;
                }

                @Override
                public Optional<String> agencySubjectAttribute() {
                    return subjectAttribute;
                }
            };
        }

        @Override
        public Limits limits() {
            return Corpus.limits();
        }

        @Override
        public CrlFetch crlFetch() {
            return new CrlFetch() {
                @Override
                public boolean enabled() {
                    return false;
                }

                @Override
                public String every() {
                    return "6h";
                }

                @Override
                public Duration timeout() {
                    return Duration.ofSeconds(10);
                }
            };
        }
    }
}
