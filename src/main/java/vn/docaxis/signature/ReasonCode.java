package vn.docaxis.signature;

/**
 * Why a signature or a package is not (fully) valid. The names are stable codes reported to
 * senders' clerks; the SIGNATURES.md ones keep their names.
 */
public enum ReasonCode {
    // PDF structure (checks 1-5)
    PDF_MALFORMED("the PDF cannot be read without repair"),
    RESOURCE_LIMIT("the file exceeds a size, page, decompression or time bound"),
    BYTERANGE_INVALID("/ByteRange is not [0 b c d] or /Contents is not a hex string"),
    CONTENTS_NOT_IN_GAP("the bytes between the signed ranges are not exactly the signature value (signature wrapping)"),
    BYTERANGE_OVERLAP("the signature values of two signatures overlap"),
    COVERAGE_NOT_A_REVISION("a signature does not end at the end of a revision"),
    TRAILING_DATA("bytes follow the part covered by the last signature"),
    MODIFIED_AFTER_SIGNING("a later revision changes more than signing allows"),
    // CMS (checks 6-7)
    CMS_MALFORMED("/Contents is not a CMS SignedData"),
    CMS_STRUCTURE_INVALID("the CMS is not detached, has not exactly one SignerInfo, or lacks its signer certificate or signed attributes"),
    CONTENTS_PADDING_NOT_ZERO("bytes other than zeros follow the CMS inside /Contents"),
    WEAK_ALGORITHM("SHA-1 or another algorithm below the policy"),
    UNSUPPORTED_ALGORITHM("an algorithm the axis does not verify"),
    DIGEST_MISMATCH("the signed bytes were changed"),
    SIGNATURE_INVALID("the signature value does not verify with the signer's key"),
    SIGNING_CERTIFICATE_MISSING("no ESS signing-certificate attribute binds the signer certificate"),
    SIGNING_CERTIFICATE_MISMATCH("the ESS signing-certificate attribute names another certificate"),
    TIMESTAMP_INVALID("the signature timestamp does not verify"),
    // certificate (checks 8-10)
    BAD_KEY_USAGE("the signer certificate is not for signing (digitalSignature or nonRepudiation)"),
    UNTRUSTED_ROOT("no path to a configured trust anchor"),
    CERT_EXPIRED("a certificate of the path had expired at the signing time"),
    CERT_NOT_YET_VALID("a certificate of the path was not yet valid at the signing time"),
    CHAIN_INVALID("the certification path does not validate"),
    CERT_REVOKED("a certificate of the path is revoked"),
    REVOCATION_UNKNOWN("no fresh revocation data for a certificate of the path"),
    // policy
    MISSING_AGENCY_SIGNATURE("the main document has no valid signature of the sending agency"),
    AGENCY_MISMATCH("the agency signature belongs to another agency"),
    MISSING_PERSONAL_SIGNATURE("the main document has no valid personal signature"),
    NO_MAIN_DOCUMENT("the package holds no PDF document"),
    // envelope XML signature
    NON_STANDARD_SIGNATURE_NAMESPACE("the envelope signature is written in the QCVN namespace, not XML-DSig"),
    UNSUPPORTED_SIGNATURE_SHAPE("the envelope signature is not enveloped over the whole package with standard transforms"),
    UNSUPPORTED_SIGNATURE_METHOD("the envelope signature method is not RSA or ECDSA (e.g. HMAC)"),
    ENVELOPE_UNREADABLE("the package cannot be read as namespace-correct XML to check its signature"),
    NO_SIGNER_CERTIFICATE("the envelope signature carries no X.509 certificate");

    private final String description;

    ReasonCode(String description) {
        this.description = description;
    }

    public String description() {
        return description;
    }
}
