package vn.docaxis.exchange;

import java.time.LocalDate;
import vn.docaxis.edxml.PackageKind;

/**
 * Search criteria. {@code state}: PENDING, DELIVERED, FAILED, RECALLED (recall agreed),
 * RECALL_REQUESTED, OVERDUE, or REFUSED (a recipient answered status 02).
 */
public record PackageQuery(PackageKind kind, String sender, String recipient, String codeNumber, String codeNotation,
                           String text, LocalDate from, LocalDate to, String state) {
}
