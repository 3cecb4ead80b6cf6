package vn.docaxis.signature;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;

/**
 * The certificate behind a signature, and whose it is.
 *
 * @param boundAgency the agency the certificate is bound to (registry or subject rule), if any
 * @param role AGENCY (bound to the sender), OTHER_AGENCY (bound to another agency) or PERSONAL
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record SignerView(String subject, String issuer, String serialNumber, String fingerprint, Instant notBefore,
                         Instant notAfter, String boundAgency, String bindingSource, String role) {
}
