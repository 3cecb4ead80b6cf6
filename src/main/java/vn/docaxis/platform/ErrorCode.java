package vn.docaxis.platform;

/**
 * Every error the axis can answer, with its HTTP status. The name is the stable {@code code} of the
 * problem+json body: clients switch on it, so a value is never renamed once released.
 */
public enum ErrorCode {
    // authentication and authorization
    UNAUTHENTICATED(401, "Authentication required"),
    AUTHENTICATION_FAILED(401, "Authentication failed"),
    NOT_AUTHORIZED(403, "Not authorized for this operation"),
    NOT_AUTHORIZED_FOR_AGENCY(403, "Not authorized to act for this agency"),

    // generic request problems
    MALFORMED_JSON(400, "Malformed JSON body"),
    UNKNOWN_FIELD(400, "Unknown field in request body"),
    VALIDATION_FAILED(400, "Request validation failed"),
    INVALID_PARAMETER(400, "Invalid query or path parameter"),
    MALFORMED_CSV(400, "Malformed CSV body"),
    NOT_FOUND(404, "Resource not found"),
    METHOD_NOT_ALLOWED(405, "Method not allowed"),
    NOT_ACCEPTABLE(406, "Not acceptable"),
    PAYLOAD_TOO_LARGE(413, "Request body too large"),
    UNSUPPORTED_MEDIA_TYPE(415, "Unsupported media type"),
    CONCURRENT_MODIFICATION(409, "Modified concurrently, retry"),

    // agency registry
    INVALID_AGENCY_CODE(400, "Invalid agency identifier code"),
    AGENCY_PARENT_MISMATCH(400, "Parent does not match the agency code"),
    AGENCY_NOT_FOUND(404, "Agency not found"),
    AGENCY_EXISTS(409, "Agency already registered"),
    UNKNOWN_AGENCY(422, "Referenced agency is not registered"),
    QD20_CODE_TAKEN(409, "Decision 20/2020 code already used by another agency"),
    IMPORT_FAILED(422, "Import refused, nothing was imported"),
    INVALID_CERTIFICATE(400, "Not an X.509 certificate (PEM or DER)"),
    CERTIFICATE_BOUND_ELSEWHERE(409, "The certificate is bound to another agency"),
    CERTIFICATE_NOT_FOUND(404, "No such certificate is bound to this agency"),

    // trust material and signatures
    INVALID_CRL(400, "Not an X.509 CRL (PEM or DER)"),
    CRL_ISSUER_UNKNOWN(422, "The CRL's issuer is not a registered anchor or intermediate, or its signature fails"),
    TRUST_ENTRY_NOT_FOUND(404, "No such trust anchor, intermediate or CRL"),
    SIGNATURE_POLICY_FAILED(422, "The package's signatures do not satisfy the policy"),

    // connected systems and users
    INVALID_PRINCIPAL_NAME(400, "Invalid system id or user name"),
    NAME_TAKEN(409, "System id or user name already taken"),
    SYSTEM_NOT_FOUND(404, "Connected system not found"),
    USER_NOT_FOUND(404, "User not found"),
    WEAK_PASSWORD(400, "Password does not meet the policy"),
    LAST_ADMIN(409, "The last active admin cannot lose the admin role"),

    // edXML packages
    EDXML_MALFORMED(400, "Not a readable edXML package"),
    EDXML_INVALID(422, "The edXML package does not satisfy the format"),
    ATTACHMENT_INVALID(422, "An attachment cannot be decoded or opened"),

    // exchange
    SENDER_NOT_ACTIVE(422, "The sending agency is not registered or is suspended"),
    UNKNOWN_RECIPIENT(422, "No recipient of the package can be served"),
    DUPLICATE_DOCUMENT_ID(409, "This DocumentId was already sent with other content"),
    IDEMPOTENCY_KEY_REUSED(409, "This Idempotency-Key was used for another package"),
    ORIGINAL_NOT_FOUND(422, "The earlier document this package refers to was not exchanged here"),
    STATUS_NOT_RELATED(422, "The status refers to no document exchanged between these agencies"),
    UNKNOWN_STATUS_CODE(422, "Status code not in use"),
    PACKAGE_NOT_FOUND(404, "Package not found"),
    DELIVERY_NOT_FOUND(404, "Delivery not found"),

    // evidence
    EVIDENCE_NOT_FOUND(404, "Evidence not found"),
    CHECKPOINT_NOT_FOUND(404, "Evidence checkpoint not found"),
    INVALID_CHECKPOINT(400, "Not a docaxis evidence checkpoint"),
    DELIVERY_RECALLED(410, "The document was recalled: this copy is no longer available"),
    DELIVERY_ALREADY_ACKNOWLEDGED(409, "The delivery was already acknowledged as done"),
    PACKAGE_PURGED(410, "The package's bytes were purged by retention; its metadata, reports and evidence remain"),

    // platform
    SERVICE_UNAVAILABLE(503, "Service temporarily unavailable"),
    SERVICE_BUSY(503, "The axis is busy; retry shortly"),
    INTERNAL_ERROR(500, "Internal error");

    private final int status;
    private final String title;

    ErrorCode(int status, String title) {
        this.status = status;
        this.title = title;
    }

    public int status() {
        return status;
    }

    public String title() {
        return title;
    }
}
