package vn.docaxis.edxml;

import java.util.List;
import java.util.Optional;

/**
 * The {@code MessageHeader} (and trace list) of a document package, with every field as written.
 * Dates stay text ({@code yyyy/MM/dd}): real packages carry impossible ones, and the validator,
 * not the reader, decides.
 */
public record DocumentHeader(Organization from, List<Organization> to, String documentId, String codeNumber,
                             String codeNotation, String promulgationPlace, String promulgationDate,
                             String documentType, String documentTypeDetail, String documentTypeName, String subject,
                             String content, String signerCompetence, String signerPosition, String signerFullName,
                             String dueDate, List<String> toPlaces, OtherInfo otherInfo, List<ResponseFor> responseFor,
                             String steeringType, List<TraceHeader> traceHeaders, Business business) {

    /** NEW when the package has no {@code Bussiness} block. */
    public BusinessDocType businessType() {
        return business == null || business.docType() == null ? BusinessDocType.NEW
                : business.type().orElse(null);
    }

    public Optional<Priority> priority() {
        return otherInfo == null ? Optional.empty() : WireCode.fromWire(Priority.class, otherInfo.priority());
    }
}
