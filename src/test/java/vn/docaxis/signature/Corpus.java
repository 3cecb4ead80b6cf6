package vn.docaxis.signature;

import java.nio.file.Files;
import java.nio.file.Path;
import java.security.cert.X509CRL;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import vn.docaxis.support.TestPdfs;
import vn.docaxis.support.TestPki;

/** A test PKI with current CRLs, and signed PDFs made from it. TEST MATERIAL ONLY. */
final class Corpus {

    static final String SENDER = "000.00.00.G22";
    static final String OTHER_AGENCY = "000.00.00.H41";

    final TestPki.Issued root = TestPki.root("Corpus root CA");
    final TestPki.Issued intermediate = TestPki.certificate(root, "CN=Corpus issuing CA, O=docaxis TEST PKI, C=VN").ca().build();
    final TestPki.Issued agency = TestPki.agency(intermediate, SENDER);
    final TestPki.Issued otherAgency = TestPki.agency(intermediate, OTHER_AGENCY);
    final TestPki.Issued person = TestPki.certificate(intermediate, "CN=Nguyễn Văn A, OU=Phòng Hành chính, O=docaxis TEST PKI, C=VN").build();
    final TestPki.Issued tsa = TestPki.certificate(intermediate, "CN=Corpus TSA, O=docaxis TEST PKI, C=VN").timeStamping().build();
    final List<X509CRL> crls;

    Corpus() {
        Instant now = Instant.now();
        crls = List.of(TestPki.crl(root, List.of(), now.minus(Duration.ofHours(1)), now.plus(Duration.ofDays(7))),
                TestPki.crl(intermediate, List.of(), now.minus(Duration.ofHours(1)), now.plus(Duration.ofDays(7))));
    }

    TrustMaterial trust() {
        return trust(crls);
    }

    TrustMaterial trust(List<X509CRL> crlList) {
        return TrustMaterial.of(1, List.of(root.certificate()), List.of(intermediate.certificate()), crlList, Map.of());
    }

    TestPdfs.Signer signer(TestPki.Issued issued) {
        return new TestPdfs.Signer(issued, List.of(issued.certificate(), intermediate.certificate()));
    }

    /** The normal official document: the competent person signs, then the agency, incrementally. */
    byte[] twoSignatures() {
        byte[] signedByPerson = TestPdfs.sign(TestPdfs.document("Van ban so 01/VPCP"), signer(person),
                TestPdfs.Options.pades().named("personal"));
        return TestPdfs.sign(signedByPerson, signer(agency), TestPdfs.Options.pades().named("agency"));
    }

    static Limits limits() {
        return new Limits();
    }

    /** The default bounds, as configured in production. */
    static final class Limits implements SignatureConfig.Limits {
        long maxDecoded = 268_435_456L;

        @Override
        public long maxPdfBytes() {
            return 104_857_600L;
        }

        @Override
        public int maxPages() {
            return 5000;
        }

        @Override
        public long maxDecodedBytes() {
            return maxDecoded;
        }

        @Override
        public int maxDecodeRatio() {
            return 100;
        }

        @Override
        public Duration timeLimit() {
            return Duration.ofSeconds(30);
        }

        @Override
        public long maxEnvelopeBytes() {
            return 33_554_432L;
        }
    }

    PdfVerifier.Examined examine(byte[] pdf, Path dir) throws Exception {
        return examine(pdf, dir, trust());
    }

    PdfVerifier.Examined examine(byte[] pdf, Path dir, TrustMaterial trust) throws Exception {
        Path file = Files.createTempFile(dir, "doc", ".pdf");
        Files.write(file, pdf);
        Instant now = Instant.now();
        return new PdfVerifier(limits(), Optional.of("OU")).examine(file, SENDER, now, now, trust,
                new Deadline(Duration.ofSeconds(30)));
    }
}
