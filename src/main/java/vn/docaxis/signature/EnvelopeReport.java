package vn.docaxis.signature;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;

/** The XML signature of the envelope, when present. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record EnvelopeReport(String form, String signatureMethod, String digestMethod, SignerView signer,
                             List<String> chain, String chainStatus, String revocationStatus, Outcome outcome,
                             List<Reason> reasons) {
}
