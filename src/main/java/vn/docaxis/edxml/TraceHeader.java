package vn.docaxis.edxml;

/** {@code TraceHeaderList/TraceHeader}: an agency the document passed through, and when. */
public record TraceHeader(String organId, String timestamp) {
}
