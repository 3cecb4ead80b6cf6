package vn.docaxis.edxml;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import vn.docaxis.agency.AgencyCode;
import vn.docaxis.platform.ErrorCode;

/**
 * What a package must satisfy beyond being readable: required fields, the field lengths of
 * Decree 30/2020 Appendix VI, dates, code lists, and a manifest that matches the attachments.
 * Recipient codes are not checked here: a bad recipient is refused alone, not the whole package.
 */
public final class EdxmlValidator {

    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("uuuu/MM/dd").withResolverStyle(ResolverStyle.STRICT);
    private static final DateTimeFormatter TIMESTAMP = DateTimeFormatter.ofPattern("uuuu/MM/dd HH:mm:ss")
            .withResolverStyle(ResolverStyle.STRICT);

    private EdxmlValidator() {
    }

    /**
     * @throws EdxmlException EDXML_INVALID listing every field problem, or ATTACHMENT_INVALID
     */
    public static void validate(EdxmlPackage p) {
        List<EdxmlException.FieldError> errors = new ArrayList<>();
        if (p.kind() == PackageKind.DOCUMENT) {
            document(p.document(), errors);
            manifest(p, errors);
        } else {
            status(p.status(), errors);
            if (!p.attachments().isEmpty()) {
                errors.add(new EdxmlException.FieldError("AttachmentEncoded", "a status package carries no attachments"));
            }
        }
        if (!errors.isEmpty()) {
            throw EdxmlException.invalid(errors);
        }
        List<Map<String, Object>> broken = new ArrayList<>();
        for (Attachment a : p.attachments()) {
            if (!a.usable()) {
                Map<String, Object> e = new LinkedHashMap<>();
                e.put("contentId", a.contentId());
                e.put("attachmentName", a.attachmentName());
                e.put("message", a.problem());
                broken.add(e);
            }
        }
        if (!broken.isEmpty()) {
            throw new EdxmlException(ErrorCode.ATTACHMENT_INVALID, "Attachment " + broken.get(0).get("attachmentName")
                    + ": " + broken.get(0).get("message"), Map.of("attachments", broken));
        }
    }

    private static void document(DocumentHeader h, List<EdxmlException.FieldError> errors) {
        sender(h.from(), errors);
        if (h.to().isEmpty()) {
            errors.add(new EdxmlException.FieldError("To", "at least one recipient is required"));
        }
        for (int i = 0; i < h.to().size(); i++) {
            Organization to = h.to().get(i);
            if (to.organId() == null) {
                errors.add(new EdxmlException.FieldError("To[" + (i + 1) + "]/OrganId", "required"));
            }
            max(errors, "To[" + (i + 1) + "]/OrganName", to.organName(), 200);
        }
        required(errors, "DocumentId", h.documentId());
        max(errors, "DocumentId", h.documentId(), 200);
        max(errors, "Code/CodeNumber", h.codeNumber(), 11);
        max(errors, "Code/CodeNotation", h.codeNotation(), 30);
        date(errors, "PromulgationInfo/PromulgationDate", h.promulgationDate());
        integer(errors, "DocumentType/Type", h.documentType());
        integer(errors, "DocumentType/TypeDetail", h.documentTypeDetail());
        max(errors, "DocumentType/TypeName", h.documentTypeName(), 100);
        required(errors, "Subject", h.subject());
        max(errors, "Subject", h.subject(), 500);
        max(errors, "SignerInfo/Position", h.signerPosition(), 100);
        max(errors, "SignerInfo/FullName", h.signerFullName(), 50);
        date(errors, "DueDate", h.dueDate());
        max(errors, "ToPlaces", String.join("; ", h.toPlaces()), 1000);
        if (h.otherInfo() != null) {
            code(errors, "OtherInfo/Priority", h.otherInfo().priority(), Priority.class);
        }
        code(errors, "SteeringType", h.steeringType(), SteeringType.class);
        Business b = h.business();
        if (b != null) {
            code(errors, "Bussiness/BussinessDocType", b.docType(), BusinessDocType.class);
            for (int i = 0; i < b.receivers().size(); i++) {
                Business.ReceiverChange r = b.receivers().get(i);
                required(errors, "Bussiness/ReceiverList/Receiver[" + (i + 1) + "]/OrganId", r.organId());
                code(errors, "Bussiness/ReceiverList/Receiver[" + (i + 1) + "]/ReceiverType", r.receiverType(),
                        ReceiverType.class);
            }
        }
    }

    private static void status(StatusHeader s, List<EdxmlException.FieldError> errors) {
        sender(s.from(), errors);
        if (s.responseFor() == null) {
            errors.add(new EdxmlException.FieldError("ResponseFor", "required: the document the status is about"));
        } else {
            agency(errors, "ResponseFor/OrganId", s.responseFor().organId());
            required(errors, "ResponseFor/DocumentId", s.responseFor().documentId());
        }
        required(errors, "StatusCode", s.statusCode());
        if (s.statusCode() != null && !s.statusCode().matches("\\d{2}")) {
            errors.add(new EdxmlException.FieldError("StatusCode", "two digits expected, found '" + s.statusCode() + "'"));
        }
        required(errors, "Timestamp", s.timestamp());
        if (s.timestamp() != null) {
            try {
                LocalDateTime.parse(s.timestamp(), TIMESTAMP);
            } catch (DateTimeParseException e) {
                errors.add(new EdxmlException.FieldError("Timestamp", "expected yyyy/MM/dd HH:mm:ss, found '" + s.timestamp() + "'"));
            }
        }
    }

    private static void sender(Organization from, List<EdxmlException.FieldError> errors) {
        if (from == null) {
            errors.add(new EdxmlException.FieldError("From", "required: the sending agency"));
            return;
        }
        agency(errors, "From/OrganId", from.organId());
        max(errors, "From/OrganName", from.organName(), 200);
    }

    private static void manifest(EdxmlPackage p, List<EdxmlException.FieldError> errors) {
        Map<String, Integer> attachments = new HashMap<>();
        for (Attachment a : p.attachments()) {
            if (a.contentId() == null) {
                errors.add(new EdxmlException.FieldError("Attachment/ContentId", "required"));
            } else if (attachments.merge(a.contentId(), 1, Integer::sum) > 1) {
                errors.add(new EdxmlException.FieldError("Attachment/ContentId", "'" + a.contentId() + "' appears twice"));
            }
        }
        Map<String, Integer> references = new HashMap<>();
        for (ManifestReference r : p.manifest()) {
            if (r.contentId() == null) {
                errors.add(new EdxmlException.FieldError("edXMLManifest/Reference/ContentId", "required"));
                continue;
            }
            references.merge(r.contentId(), 1, Integer::sum);
            if (!attachments.containsKey(r.contentId())) {
                errors.add(new EdxmlException.FieldError("edXMLManifest/Reference", "no attachment has ContentId '"
                        + r.contentId() + "'"));
            }
        }
        for (String id : attachments.keySet()) {
            if (!references.containsKey(id)) {
                errors.add(new EdxmlException.FieldError("AttachmentEncoded/Attachment", "attachment '" + id
                        + "' is not in the manifest"));
            }
        }
    }

    private static void agency(List<EdxmlException.FieldError> errors, String field, String code) {
        if (code == null) {
            errors.add(new EdxmlException.FieldError(field, "required"));
        } else if (!AgencyCode.isValid(code)) {
            errors.add(new EdxmlException.FieldError(field, "'" + code + "' is not an agency code"));
        }
    }

    private static void required(List<EdxmlException.FieldError> errors, String field, String value) {
        if (value == null) {
            errors.add(new EdxmlException.FieldError(field, "required"));
        }
    }

    private static void max(List<EdxmlException.FieldError> errors, String field, String value, int max) {
        if (value != null && value.length() > max) {
            errors.add(new EdxmlException.FieldError(field, "longer than " + max + " characters"));
        }
    }

    private static void date(List<EdxmlException.FieldError> errors, String field, String value) {
        if (value == null) {
            return;
        }
        try {
            LocalDate.parse(value, DATE);
        } catch (DateTimeParseException e) {
            errors.add(new EdxmlException.FieldError(field, "expected a date yyyy/MM/dd, found '" + value + "'"));
        }
    }

    private static void integer(List<EdxmlException.FieldError> errors, String field, String value) {
        if (value != null && !value.matches("\\d{1,9}")) {
            errors.add(new EdxmlException.FieldError(field, "a whole number expected, found '" + value + "'"));
        }
    }

    private static <E extends Enum<E> & WireCode> void code(List<EdxmlException.FieldError> errors, String field,
                                                            String value, Class<E> type) {
        if (value != null && WireCode.fromWire(type, value).isEmpty()) {
            List<String> allowed = new ArrayList<>();
            for (E e : type.getEnumConstants()) {
                allowed.add(e.wire());
            }
            errors.add(new EdxmlException.FieldError(field, "'" + value + "' is not one of " + allowed));
        }
    }
}
