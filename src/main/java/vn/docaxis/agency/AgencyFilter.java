package vn.docaxis.agency;

/** Listing filters: direct children of {@code parent}, a status, and text found in the name or codes. */
public record AgencyFilter(String parent, AgencyStatus status, String text) {
}
