package vn.docaxis.signature;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.pdfbox.cos.COSArray;
import org.apache.pdfbox.cos.COSBase;
import org.apache.pdfbox.cos.COSDictionary;
import org.apache.pdfbox.cos.COSInteger;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.cos.COSString;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.interactive.digitalsignature.PDSignature;
import org.bouncycastle.asn1.ASN1Primitive;
import org.bouncycastle.asn1.cms.ContentInfo;
import org.bouncycastle.tsp.TSPException;
import org.bouncycastle.tsp.TimeStampToken;
import vn.docaxis.platform.Certificates;

/**
 * The ten checks of SIGNATURES.md for the signatures of one PDF, in order, failing closed. The
 * findings of every check are collected, so a clerk reads every reason at once.
 */
final class PdfVerifier {

    private static final String CADES = "ETSI.CAdES.detached";
    private static final String PKCS7 = "adbe.pkcs7.detached";
    private static final String RFC3161 = "ETSI.RFC3161";

    private final SignatureConfig.Limits limits;
    private final Optional<String> subjectAttribute;

    PdfVerifier(SignatureConfig.Limits limits, Optional<String> subjectAttribute) {
        this.limits = limits;
        this.subjectAttribute = subjectAttribute;
    }

    /** One signature dictionary as found, before its CMS is looked at. */
    private record Candidate(PDSignature signature, String field, long[] range, byte[] contents, List<Reason> reasons) {
        long end() {
            return range == null ? Long.MAX_VALUE : range[2] + range[3];
        }
    }

    /** The signatures of the PDF at {@code file}, or attachment-level reasons when it cannot be examined. */
    Examined examine(Path file, String sender, Instant receivedAt, Instant now, TrustMaterial trust, Deadline deadline) {
        List<Reason> problems = new ArrayList<>();
        PdfBytes bytes;
        PdfScan.Result scan;
        try {
            long size = Files.size(file);
            if (size > limits.maxPdfBytes()) {
                return Examined.problem(Reason.error(ReasonCode.RESOURCE_LIMIT, "the PDF has " + size
                        + " bytes; at most " + limits.maxPdfBytes() + " are verified"));
            }
            bytes = PdfBytes.map(file);
            scan = bytes.scan();
            DeflateBombScan.scan(bytes, scan.streamStarts(), limits.maxDecodedBytes(), limits.maxDecodeRatio(), deadline);
        } catch (Deadline.LimitExceeded e) {
            return Examined.problem(Reason.error(ReasonCode.RESOURCE_LIMIT, e.getMessage()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        FastHexPdfParser parser;
        try {
            parser = new FastHexPdfParser(bytes.reader());
        } catch (IOException e) {
            return Examined.problem(Reason.error(ReasonCode.PDF_MALFORMED, "the PDF cannot be read: " + e.getMessage()));
        }
        try (PDDocument document = parse(parser, problems)) {
            if (document == null) {
                return new Examined(List.of(), problems);
            }
            if (document.getNumberOfPages() > limits.maxPages()) {
                return Examined.problem(Reason.error(ReasonCode.RESOURCE_LIMIT, "more than " + limits.maxPages() + " pages"));
            }
            List<Candidate> candidates = new ArrayList<>();
            for (PDSignature signature : document.getSignatureDictionaries()) {
                candidates.add(candidate(signature, bytes, parser));
            }
            candidates.sort(Comparator.comparingLong(Candidate::end));
            overlaps(candidates);
            List<long[]> revisions = scan.revisionEnds();
            RevisionAnalyzer analyzer = new RevisionAnalyzer(bytes, document);
            List<PdfSignatureReport> reports = new ArrayList<>();
            for (int i = 0; i < candidates.size(); i++) {
                deadline.check();
                reports.add(verify(candidates.get(i), i == candidates.size() - 1, bytes, revisions, analyzer, sender,
                        receivedAt, now, trust));
            }
            return new Examined(reports, problems);
        } catch (Deadline.LimitExceeded e) {
            return Examined.problem(Reason.error(ReasonCode.RESOURCE_LIMIT, e.getMessage()));
        } catch (IOException | RuntimeException e) {
            if (problems.isEmpty()) {
                problems.add(Reason.error(ReasonCode.PDF_MALFORMED, "the PDF cannot be examined: " + e.getMessage()));
            }
            return new Examined(List.of(), problems);
        }
    }

    /** What examining a PDF found. */
    record Examined(List<PdfSignatureReport> signatures, List<Reason> problems) {
        static Examined problem(Reason reason) {
            return new Examined(List.of(), List.of(reason));
        }
    }

    /** Check 1: parsed without leniency; a file that needs repair is refused. */
    private static PDDocument parse(FastHexPdfParser parser, List<Reason> problems) {
        try {
            return parser.parse(false);
        } catch (IOException | RuntimeException e) {
            problems.add(Reason.error(ReasonCode.PDF_MALFORMED, "the PDF needs repair or is not a PDF: " + e.getMessage()));
            return null;
        }
    }

    /** Checks 2 and 3: a well-formed /ByteRange whose gap holds exactly the hex /Contents. */
    private static Candidate candidate(PDSignature signature, PdfBytes bytes, FastHexPdfParser parser) {
        COSDictionary dict = signature.getCOSObject();
        String field = signature.getName();
        List<Reason> reasons = new ArrayList<>();
        long[] range = byteRange(dict.getDictionaryObject(COSName.BYTERANGE), bytes.length());
        COSBase contents = dict.getDictionaryObject(COSName.CONTENTS);
        if (range == null) {
            reasons.add(Reason.error(ReasonCode.BYTERANGE_INVALID, "/ByteRange is missing or not [0 b c d] with b > 0, "
                    + "c >= b, d >= 0 inside the file"));
            return new Candidate(signature, field, null, null, reasons);
        }
        if (!(contents instanceof COSString declared)) {
            reasons.add(Reason.error(ReasonCode.BYTERANGE_INVALID, "/Contents is missing or not a string"));
            return new Candidate(signature, field, null, null, reasons);
        }
        byte[] value = declared.getBytes();
        // the parser read /Contents from exactly the gap, digits only: then the gap holds it; else compare
        long[] place = parser.placeOf(declared);
        PdfBytes.Gap gap = place != null && place[0] == range[1] && place[1] == range[2] ? PdfBytes.Gap.CONTENTS
                : bytes.gap(range[1], range[2], value);
        if (gap == PdfBytes.Gap.NOT_HEX) {
            char first = bytes.byteAt(range[1]);
            reasons.add(first == '(' ? Reason.error(ReasonCode.BYTERANGE_INVALID, "/Contents is a literal string, not a hex string")
                    : Reason.error(ReasonCode.CONTENTS_NOT_IN_GAP, "the gap [" + range[1] + ", " + range[2]
                    + ") does not hold exactly a hex string"));
            return new Candidate(signature, field, range, null, reasons);
        }
        if (gap == PdfBytes.Gap.OTHER_VALUE) {
            reasons.add(Reason.error(ReasonCode.CONTENTS_NOT_IN_GAP, "the gap holds another value than the signature "
                    + "dictionary's /Contents"));
            return new Candidate(signature, field, range, null, reasons);
        }
        return new Candidate(signature, field, range, value, reasons);
    }

    private static long[] byteRange(COSBase value, long fileLength) {
        if (!(value instanceof COSArray array) || array.size() != 4) {
            return null;
        }
        long[] r = new long[4];
        for (int i = 0; i < 4; i++) {
            if (!(array.getObject(i) instanceof COSInteger n)) {
                return null;
            }
            r[i] = n.longValue();
        }
        boolean valid = r[0] == 0 && r[1] > 0 && r[2] >= r[1] && r[3] >= 0 && r[2] + r[3] <= fileLength;
        return valid ? r : null;
    }

    /** Check 3, second half: the signature values of different signatures never overlap. */
    private static void overlaps(List<Candidate> candidates) {
        for (int i = 0; i < candidates.size(); i++) {
            for (int j = i + 1; j < candidates.size(); j++) {
                long[] a = candidates.get(i).range();
                long[] b = candidates.get(j).range();
                if (a != null && b != null && a[1] < b[2] && b[1] < a[2]) {
                    candidates.get(j).reasons().add(Reason.error(ReasonCode.BYTERANGE_OVERLAP,
                            "its signature value overlaps that of " + candidates.get(i).field()));
                }
            }
        }
    }

    private PdfSignatureReport verify(Candidate c, boolean last, PdfBytes bytes, List<long[]> revisions,
                                      RevisionAnalyzer analyzer, String sender, Instant receivedAt, Instant now,
                                      TrustMaterial trust) throws IOException {
        List<Reason> reasons = new ArrayList<>(c.reasons());
        String subFilter = c.signature().getSubFilter();
        boolean timestampOnly = RFC3161.equals(subFilter)
                || "DocTimeStamp".equals(c.signature().getCOSObject().getNameAsString(COSName.TYPE));
        List<Long> byteRange = c.range() == null ? null : List.of(c.range()[0], c.range()[1], c.range()[2], c.range()[3]);
        int revision = 0;
        String coverage = null;
        if (c.range() != null) {
            long end = c.end();
            for (int i = 0; i < revisions.size(); i++) {
                if (revisions.get(i)[0] == end || revisions.get(i)[1] == end) {
                    revision = i + 1;
                }
            }
            coverage = end == bytes.length() ? "WHOLE_FILE" : "REVISION";
            // check 4: a signature ends where a revision ends; the last one at the end of the file
            if (revision == 0) {
                reasons.add(Reason.error(ReasonCode.COVERAGE_NOT_A_REVISION, "the signed range ends at byte " + end
                        + ", which is not the end of a revision"));
            }
            if (last && end != bytes.length()) {
                reasons.add(Reason.error(ReasonCode.TRAILING_DATA, (bytes.length() - end)
                        + " bytes follow the last signed byte"));
            }
            // check 5: what later revisions changed
            if (end < bytes.length() && revision > 0) {
                List<String> changes = analyzer.disallowedChangesAfter(end);
                if (!changes.isEmpty()) {
                    reasons.add(Reason.error(ReasonCode.MODIFIED_AFTER_SIGNING, String.join("; ", changes)));
                }
            }
        }
        if (c.contents() == null) {
            return report(c, subFilter, timestampOnly, byteRange, coverage, revision, revisions.size(), null, null, null,
                    null, null, receivedAt, null, null, null, reasons);
        }
        if (timestampOnly) {
            return documentTimestamp(c, bytes, byteRange, coverage, revision, revisions.size(), now, trust, reasons, receivedAt);
        }
        if (!CADES.equals(subFilter) && !PKCS7.equals(subFilter)) {
            reasons.add(Reason.error(subFilter != null && subFilter.toLowerCase().contains("sha1")
                    ? ReasonCode.WEAK_ALGORITHM : ReasonCode.UNSUPPORTED_ALGORITHM, "/SubFilter " + subFilter));
        }
        // checks 6 and 7
        Map<String, byte[]> digests = new HashMap<>();
        long[] r = c.range();
        CmsCheck.Result cms = CmsCheck.verify(c.contents(), algorithm -> digests.computeIfAbsent(algorithm,
                a -> bytes.digest(a, r[1], r[2], r[3])), CADES.equals(subFilter));
        reasons.addAll(cms.reasons());
        Instant trustedTime = null;
        if (cms.timestamp() != null) {
            TimestampCheck.Result ts = TimestampCheck.verify(cms.timestamp(), cms.signatureValue(), now, trust);
            reasons.addAll(ts.reasons());
            trustedTime = ts.trustedTime();
        }
        Instant validationTime = trustedTime != null ? trustedTime : receivedAt;
        if (cms.signer() == null) {
            return report(c, subFilter, false, byteRange, coverage, revision, revisions.size(), null, cms.digestAlgorithm(),
                    cms.signatureAlgorithm(), cms.claimedSigningTime(), trustedTime, validationTime, null, null, null, reasons);
        }
        // checks 8 to 10
        CertificateCheck.keyUsage(cms.signer()).ifPresent(reasons::add);
        CertificateCheck.Result path = CertificateCheck.path(cms.signer(), cms.certificates(), validationTime, now, trust);
        reasons.addAll(path.reasons());
        SignerView signer = signer(cms.signer(), sender, trust);
        return report(c, subFilter, false, byteRange, coverage, revision, revisions.size(), signer, cms.digestAlgorithm(),
                cms.signatureAlgorithm(), cms.claimedSigningTime(), trustedTime, validationTime, path.chainSubjects(),
                path.chainStatus(), path.revocationStatus(), reasons);
    }

    /** A document timestamp (ETSI.RFC3161): the token's imprint is the digest of the signed ranges. */
    private PdfSignatureReport documentTimestamp(Candidate c, PdfBytes bytes, List<Long> byteRange, String coverage,
                                                 int revision, int revisions, Instant now, TrustMaterial trust,
                                                 List<Reason> reasons, Instant receivedAt) throws IOException {
        Instant trusted = null;
        try {
            TimeStampToken token = new TimeStampToken(ContentInfo.getInstance(ASN1Primitive.fromByteArray(
                    trimmed(c.contents()))));
            String algorithm = Algorithms.digest(token.getTimeStampInfo().getMessageImprintAlgOID().getId());
            long[] r = c.range();
            if (algorithm == null || !MessageDigest.isEqual(bytes.digest(algorithm, r[1], r[2], r[3]),
                    token.getTimeStampInfo().getMessageImprintDigest())) {
                reasons.add(Reason.error(ReasonCode.DIGEST_MISMATCH, "the document timestamp does not match the signed bytes"));
            } else {
                TimestampCheck.Result ts = TimestampCheck.verifyToken(token, now, trust);
                reasons.addAll(ts.reasons());
                trusted = ts.trustedTime();
            }
        } catch (IOException | RuntimeException | TSPException e) {
            reasons.add(Reason.error(ReasonCode.TIMESTAMP_INVALID, "the document timestamp is unreadable"));
        }
        return report(c, c.signature().getSubFilter(), true, byteRange, coverage, revision, revisions, null, null, null,
                null, trusted, trusted != null ? trusted : receivedAt, null, null, null, reasons);
    }

    private static byte[] trimmed(byte[] contents) {
        int end = contents.length;
        while (end > 0 && contents[end - 1] == 0) {
            end--;
        }
        return Arrays.copyOf(contents, end);
    }

    private SignerView signer(X509Certificate certificate, String sender, TrustMaterial trust) {
        CertificateCheck.Binding binding = CertificateCheck.binding(certificate, trust, subjectAttribute);
        String role = binding.agency() == null ? "PERSONAL" : binding.agency().equals(sender) ? "AGENCY" : "OTHER_AGENCY";
        return new SignerView(certificate.getSubjectX500Principal().getName(), certificate.getIssuerX500Principal().getName(),
                Certificates.serialHex(certificate.getSerialNumber()), Certificates.fingerprint(certificate),
                certificate.getNotBefore().toInstant(), certificate.getNotAfter().toInstant(), binding.agency(),
                binding.source(), role);
    }

    private static PdfSignatureReport report(Candidate c, String subFilter, boolean timestamp, List<Long> byteRange,
                                             String coverage, int revision, int revisions, SignerView signer,
                                             String digest, String algorithm, Instant claimed, Instant trusted,
                                             Instant validationTime, List<String> chain, String chainStatus,
                                             String revocation, List<Reason> reasons) {
        return new PdfSignatureReport(c.field(), subFilter, timestamp ? "DOCUMENT_TIMESTAMP" : "SIGNATURE", byteRange,
                coverage, revision, revisions, signer, digest, algorithm, claimed, trusted, validationTime, chain,
                chainStatus, revocation, outcome(reasons), List.copyOf(reasons));
    }

    /** INVALID on any error but missing revocation data, which leaves it INDETERMINATE. */
    static Outcome outcome(List<Reason> reasons) {
        boolean indeterminate = false;
        for (Reason r : reasons) {
            if (r.isError()) {
                if (r.code() == ReasonCode.REVOCATION_UNKNOWN || r.code() == ReasonCode.RESOURCE_LIMIT) {
                    indeterminate = true;
                } else {
                    return Outcome.INVALID;
                }
            }
        }
        return indeterminate ? Outcome.INDETERMINATE : Outcome.VALID;
    }
}
