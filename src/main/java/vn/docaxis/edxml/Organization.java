package vn.docaxis.edxml;

/** {@code From} or {@code To}: an agency as the sender wrote it. Only {@code organId} is required. */
public record Organization(String organId, String organName, String organizationInCharge, String organAdd,
                           String email, String telephone, String fax, String website) {
}
