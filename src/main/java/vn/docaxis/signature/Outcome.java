package vn.docaxis.signature;

/** The result for one signature (SIGNATURES.md, policy 5). */
public enum Outcome {
    VALID,
    INVALID,
    /** Could not be decided: no revocation data, a resource bound hit, a non-standard signature. */
    INDETERMINATE
}
