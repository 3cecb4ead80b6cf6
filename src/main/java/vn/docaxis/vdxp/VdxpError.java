package vn.docaxis.vdxp;

import java.util.Map;
import vn.docaxis.platform.ErrorCode;

/**
 * The {@code ErrorCode} values of VDXP answers: stable, listed in the README. The SDK reads the
 * body, not the HTTP status, so every refusal is an HTTP 200 with {@code status} FAIL.
 */
public enum VdxpError {
    OK("0", "Success"),
    AUTHENTICATION_FAILED("1001", "Unknown or disabled system, or the HMAC does not match"),
    PARAMETER_NOT_SIGNED("1002", "A parameter header is missing or differs from its value in the signed header"),
    AGENCY_NOT_IN_SCOPE("1003", "The system does not act for this agency"),
    NOT_PERMITTED("1004", "The system may not make this call"),
    REQUEST_EXPIRED("1005", "The request timestamp is outside the accepted window"),
    HASH_FILE_MISMATCH("2001", "hash-file is not the SHA-256 of the body"),
    MALFORMED_PACKAGE("2002", "The package is not a readable, valid edXML package of the declared kind"),
    SIGNATURE_POLICY_FAILED("2003", "The signatures do not satisfy the axis policy"),
    DUPLICATE_DOCUMENT("2004", "This DocumentId was already sent with other content"),
    PACKAGE_REFUSED("2005", "The package was refused (recipients, sender, original or status not acceptable)"),
    PACKAGE_TOO_LARGE("2006", "The package is larger than the axis accepts"),
    NOT_FOUND("3001", "No such document, status or agency"),
    RECALLED("3002", "The sender recalled this document and the recipient agreed"),
    ALREADY_ACKNOWLEDGED("3003", "Already acknowledged done"),
    INVALID_PARAMETER("4001", "A parameter is missing or malformed"),
    AGENCY_EXISTS("4002", "The agency is already registered"),
    UNAVAILABLE("9001", "The axis is temporarily unavailable; retry later"),
    INTERNAL_ERROR("9999", "Internal error");

    private static final Map<ErrorCode, VdxpError> FROM_PROBLEM = Map.ofEntries(
            Map.entry(ErrorCode.UNAUTHENTICATED, AUTHENTICATION_FAILED),
            Map.entry(ErrorCode.AUTHENTICATION_FAILED, AUTHENTICATION_FAILED),
            Map.entry(ErrorCode.NOT_AUTHORIZED_FOR_AGENCY, AGENCY_NOT_IN_SCOPE),
            Map.entry(ErrorCode.NOT_AUTHORIZED, NOT_PERMITTED),
            Map.entry(ErrorCode.EDXML_MALFORMED, MALFORMED_PACKAGE),
            Map.entry(ErrorCode.EDXML_INVALID, MALFORMED_PACKAGE),
            Map.entry(ErrorCode.ATTACHMENT_INVALID, MALFORMED_PACKAGE),
            Map.entry(ErrorCode.SIGNATURE_POLICY_FAILED, SIGNATURE_POLICY_FAILED),
            Map.entry(ErrorCode.DUPLICATE_DOCUMENT_ID, DUPLICATE_DOCUMENT),
            Map.entry(ErrorCode.IDEMPOTENCY_KEY_REUSED, DUPLICATE_DOCUMENT),
            Map.entry(ErrorCode.SENDER_NOT_ACTIVE, PACKAGE_REFUSED),
            Map.entry(ErrorCode.UNKNOWN_RECIPIENT, PACKAGE_REFUSED),
            Map.entry(ErrorCode.ORIGINAL_NOT_FOUND, PACKAGE_REFUSED),
            Map.entry(ErrorCode.STATUS_NOT_RELATED, PACKAGE_REFUSED),
            Map.entry(ErrorCode.UNKNOWN_STATUS_CODE, PACKAGE_REFUSED),
            Map.entry(ErrorCode.PAYLOAD_TOO_LARGE, PACKAGE_TOO_LARGE),
            Map.entry(ErrorCode.PACKAGE_NOT_FOUND, NOT_FOUND),
            Map.entry(ErrorCode.DELIVERY_NOT_FOUND, NOT_FOUND),
            Map.entry(ErrorCode.AGENCY_NOT_FOUND, NOT_FOUND),
            Map.entry(ErrorCode.DELIVERY_RECALLED, RECALLED),
            Map.entry(ErrorCode.PACKAGE_PURGED, NOT_FOUND),
            Map.entry(ErrorCode.DELIVERY_ALREADY_ACKNOWLEDGED, ALREADY_ACKNOWLEDGED),
            Map.entry(ErrorCode.INVALID_PARAMETER, INVALID_PARAMETER),
            Map.entry(ErrorCode.VALIDATION_FAILED, INVALID_PARAMETER),
            Map.entry(ErrorCode.MALFORMED_JSON, INVALID_PARAMETER),
            Map.entry(ErrorCode.UNKNOWN_FIELD, INVALID_PARAMETER),
            Map.entry(ErrorCode.INVALID_AGENCY_CODE, INVALID_PARAMETER),
            Map.entry(ErrorCode.AGENCY_PARENT_MISMATCH, INVALID_PARAMETER),
            Map.entry(ErrorCode.AGENCY_EXISTS, AGENCY_EXISTS),
            Map.entry(ErrorCode.SERVICE_UNAVAILABLE, UNAVAILABLE),
            Map.entry(ErrorCode.SERVICE_BUSY, UNAVAILABLE));

    private final String wire;
    private final String description;

    VdxpError(String wire, String description) {
        this.wire = wire;
        this.description = description;
    }

    public String wire() {
        return wire;
    }

    public String description() {
        return description;
    }

    /** The VDXP answer for a refusal of the services behind the facade. */
    static VdxpError of(ErrorCode code) {
        return FROM_PROBLEM.getOrDefault(code, code.status() < 500 ? INVALID_PARAMETER : INTERNAL_ERROR);
    }
}
