package vn.docaxis.signature;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;

/** The signatures of one attachment; {@code mainDocument} marks the first PDF of the manifest. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record AttachmentReport(String contentId, String name, String sha256, boolean pdf, boolean mainDocument,
                               List<PdfSignatureReport> signatures, List<Reason> reasons) {
}
