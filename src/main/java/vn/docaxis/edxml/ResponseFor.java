package vn.docaxis.edxml;

/** {@code ResponseFor}: the earlier document a package answers or refers to, and its sender or recipient. */
public record ResponseFor(String organId, String code, String promulgationDate, String documentId) {
}
