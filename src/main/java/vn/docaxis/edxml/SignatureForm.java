package vn.docaxis.edxml;

/** Whether the envelope carries an XML signature, and in which namespace. */
public enum SignatureForm {
    NONE,
    /** In the W3C XML-DSig namespace: verifiable with a standard validator. */
    STANDARD,
    /** Written unprefixed in the QCVN namespace by the legacy SDK: not verifiable as XML-DSig. */
    LEGACY_QCVN_NAMESPACE
}
