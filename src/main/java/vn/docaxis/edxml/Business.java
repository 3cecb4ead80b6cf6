package vn.docaxis.edxml;

import java.util.List;
import java.util.Optional;

/**
 * {@code TraceHeaderList/Bussiness} (sic): what the package does to an earlier document.
 *
 * @param receivers an update's changes to the recipient list ({@code BussinessDocumentInfo/ReceiverList})
 * @param replacements a replacement's list of replaced documents ({@code ReplacementInfoList})
 */
public record Business(String documentId, String docType, String reason, String paper, String documentInfo,
                       String documentReceiver, List<ReceiverChange> receivers, List<Replacement> replacements,
                       List<StaffInfo> staff) {

    public Optional<BusinessDocType> type() {
        return WireCode.fromWire(BusinessDocType.class, docType);
    }

    /** An agency added to or removed from the recipients by an update. */
    public record ReceiverChange(String organId, String receiverType) {
        public Optional<ReceiverType> type() {
            return WireCode.fromWire(ReceiverType.class, receiverType);
        }
    }

    /** A document this one replaces, and the agencies concerned. */
    public record Replacement(String documentId, List<String> organIds) {
    }
}
