package vn.docaxis.edxml;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;

/**
 * Writes document and status packages in the form of the official samples: {@code edXML} with
 * the default namespace, the envelope re-declaring it with prefix {@code edXML}, attachments as
 * base64 streamed from their source. Used by samples, tests, benchmarks and the axis itself.
 */
public final class EdxmlWriter {

    private static final String P = "edXML";
    private static final XMLOutputFactory FACTORY = XMLOutputFactory.newFactory();

    private EdxmlWriter() {
    }

    public static void writeDocument(OutputStream out, DocumentHeader h, List<AttachmentSource> attachments) {
        write(out, w -> {
            w.writeStartElement(P, "edXMLHeader", Edxml.NS);
            w.writeStartElement(P, "MessageHeader", Edxml.NS);
            organization(w, "From", h.from());
            for (Organization to : h.to()) {
                organization(w, "To", to);
            }
            element(w, "DocumentId", h.documentId());
            if (h.codeNumber() != null || h.codeNotation() != null) {
                w.writeStartElement(P, "Code", Edxml.NS);
                element(w, "CodeNumber", h.codeNumber());
                element(w, "CodeNotation", h.codeNotation());
                w.writeEndElement();
            }
            w.writeStartElement(P, "PromulgationInfo", Edxml.NS);
            element(w, "Place", h.promulgationPlace());
            element(w, "PromulgationDate", h.promulgationDate());
            w.writeEndElement();
            w.writeStartElement(P, "DocumentType", Edxml.NS);
            element(w, "Type", h.documentType());
            element(w, "TypeDetail", h.documentTypeDetail());
            element(w, "TypeName", h.documentTypeName());
            w.writeEndElement();
            element(w, "Subject", h.subject());
            element(w, "Content", h.content());
            w.writeStartElement(P, "SignerInfo", Edxml.NS);
            element(w, "Competence", h.signerCompetence());
            element(w, "Position", h.signerPosition());
            element(w, "FullName", h.signerFullName());
            w.writeEndElement();
            element(w, "DueDate", h.dueDate());
            if (!h.toPlaces().isEmpty()) {
                w.writeStartElement(P, "ToPlaces", Edxml.NS);
                for (String place : h.toPlaces()) {
                    element(w, "Place", place);
                }
                w.writeEndElement();
            }
            otherInfo(w, h.otherInfo());
            for (ResponseFor r : h.responseFor()) {
                responseFor(w, r);
            }
            element(w, "SteeringType", h.steeringType());
            w.writeEndElement(); // MessageHeader
            w.writeStartElement(P, "TraceHeaderList", Edxml.NS);
            for (TraceHeader t : h.traceHeaders()) {
                w.writeStartElement(P, "TraceHeader", Edxml.NS);
                element(w, "OrganId", t.organId());
                element(w, "Timestamp", t.timestamp());
                w.writeEndElement();
            }
            business(w, h.business());
            w.writeEndElement(); // TraceHeaderList
            w.writeEndElement(); // edXMLHeader
            w.writeStartElement(P, "edXMLBody", Edxml.NS);
            w.writeStartElement(P, "edXMLManifest", Edxml.NS);
            w.writeAttribute("version", "1.0");
            for (AttachmentSource a : attachments) {
                w.writeStartElement(P, "Reference", Edxml.NS);
                element(w, "ContentId", a.contentId());
                element(w, "ContentType", a.contentType());
                element(w, "Description", a.description());
                element(w, "AttachmentName", a.attachmentName());
                w.writeEndElement();
            }
            w.writeEndElement();
            w.writeEndElement(); // edXMLBody
        }, attachments);
    }

    public static void writeStatus(OutputStream out, StatusHeader s) {
        write(out, w -> {
            w.writeStartElement(P, "edXMLHeader", Edxml.NS);
            w.writeStartElement(P, "MessageHeader", Edxml.NS);
            organization(w, "From", s.from());
            if (s.responseFor() != null) {
                responseFor(w, s.responseFor());
            }
            if (s.staffInfo() != null) {
                staffInfo(w, s.staffInfo());
            }
            element(w, "StatusCode", s.statusCode());
            element(w, "Description", s.description());
            element(w, "Timestamp", s.timestamp());
            w.writeEndElement();
            w.writeEndElement();
        }, List.of());
    }

    private interface Body {
        void write(XMLStreamWriter w) throws XMLStreamException, IOException;
    }

    private static void write(OutputStream target, Body header, List<AttachmentSource> attachments) {
        try {
            // the JDK's writer issues many small writes: without a buffer, a large package costs a syscall each
            BufferedOutputStream out = new BufferedOutputStream(target, 1 << 16);
            XMLStreamWriter w = FACTORY.createXMLStreamWriter(out, "UTF-8");
            w.writeStartDocument("UTF-8", "1.0");
            w.writeCharacters("\n");
            w.setDefaultNamespace(Edxml.NS);
            w.writeStartElement("", "edXML", Edxml.NS);
            w.writeDefaultNamespace(Edxml.NS);
            w.writeStartElement(P, "edXMLEnvelope", Edxml.NS);
            w.writeNamespace(P, Edxml.NS);
            header.write(w);
            w.writeEndElement(); // edXMLEnvelope
            if (!attachments.isEmpty()) {
                w.writeStartElement(P, "AttachmentEncoded", Edxml.NS);
                w.writeNamespace(P, Edxml.NS);
                for (AttachmentSource a : attachments) {
                    w.writeStartElement(P, "Attachment", Edxml.NS);
                    element(w, "ContentId", a.contentId());
                    element(w, "AttachmentName", a.attachmentName());
                    element(w, "Description", a.description());
                    element(w, "ContentType", a.contentType());
                    w.writeStartElement(P, "ContentTransferEncoded", Edxml.NS);
                    base64(w, a.content());
                    w.writeEndElement();
                    w.writeEndElement();
                }
                w.writeEndElement();
            }
            w.writeEndElement(); // edXML
            w.writeEndDocument();
            w.flush();
            w.close();
            out.flush();
        } catch (XMLStreamException e) {
            throw new IllegalStateException("Cannot write edXML", e);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Base64 in 76-character lines, 57 input bytes at a time: memory stays flat whatever the size. */
    private static void base64(XMLStreamWriter w, AttachmentSource.Content content) throws IOException, XMLStreamException {
        Base64.Encoder encoder = Base64.getEncoder();
        try (InputStream in = content.open()) {
            byte[] block = new byte[57 * 1024];
            int n;
            while ((n = in.readNBytes(block, 0, block.length)) > 0) {
                byte[] encoded = encoder.encode(n == block.length ? block : Arrays.copyOf(block, n));
                StringBuilder lines = new StringBuilder(encoded.length + encoded.length / 76 + 2);
                for (int i = 0; i < encoded.length; i += 76) {
                    lines.append('\n').append(new String(encoded, i, Math.min(76, encoded.length - i),
                            StandardCharsets.US_ASCII));
                }
                w.writeCharacters(lines.toString());
            }
        }
    }

    private static void organization(XMLStreamWriter w, String name, Organization o) throws XMLStreamException {
        if (o == null) {
            return;
        }
        w.writeStartElement(P, name, Edxml.NS);
        element(w, "OrganId", o.organId());
        element(w, "OrganizationInCharge", o.organizationInCharge());
        element(w, "OrganName", o.organName());
        element(w, "OrganAdd", o.organAdd());
        element(w, "Email", o.email());
        element(w, "Telephone", o.telephone());
        element(w, "Fax", o.fax());
        element(w, "Website", o.website());
        w.writeEndElement();
    }

    private static void responseFor(XMLStreamWriter w, ResponseFor r) throws XMLStreamException {
        w.writeStartElement(P, "ResponseFor", Edxml.NS);
        element(w, "OrganId", r.organId());
        element(w, "Code", r.code());
        element(w, "PromulgationDate", r.promulgationDate());
        element(w, "DocumentId", r.documentId());
        w.writeEndElement();
    }

    private static void staffInfo(XMLStreamWriter w, StaffInfo s) throws XMLStreamException {
        w.writeStartElement(P, "StaffInfo", Edxml.NS);
        element(w, "Department", s.department());
        element(w, "Staff", s.staff());
        element(w, "Mobile", s.mobile());
        element(w, "Email", s.email());
        w.writeEndElement();
    }

    private static void otherInfo(XMLStreamWriter w, OtherInfo o) throws XMLStreamException {
        if (o == null) {
            return;
        }
        w.writeStartElement(P, "OtherInfo", Edxml.NS);
        element(w, "Priority", o.priority());
        element(w, "SphereOfPromulgation", o.sphereOfPromulgation());
        element(w, "TyperNotation", o.typerNotation());
        element(w, "PromulgationAmount", o.promulgationAmount());
        element(w, "PageAmount", o.pageAmount());
        element(w, "Direction", o.direction());
        if (!o.appendixes().isEmpty()) {
            w.writeStartElement(P, "Appendixes", Edxml.NS);
            for (String a : o.appendixes()) {
                element(w, "Appendix", a);
            }
            w.writeEndElement();
        }
        w.writeEndElement();
    }

    private static void business(XMLStreamWriter w, Business b) throws XMLStreamException {
        if (b == null) {
            return;
        }
        w.writeStartElement(P, "Bussiness", Edxml.NS);
        element(w, "DocumentId", b.documentId());
        element(w, "BussinessDocType", b.docType());
        element(w, "BussinessDocReason", b.reason());
        element(w, "Paper", b.paper());
        if (b.documentInfo() != null || !b.receivers().isEmpty()) {
            w.writeStartElement(P, "BussinessDocumentInfo", Edxml.NS);
            element(w, "DocumentInfo", b.documentInfo());
            element(w, "DocumentReceiver", b.documentReceiver());
            if (!b.receivers().isEmpty()) {
                w.writeStartElement(P, "ReceiverList", Edxml.NS);
                for (Business.ReceiverChange r : b.receivers()) {
                    w.writeStartElement(P, "Receiver", Edxml.NS);
                    element(w, "OrganId", r.organId());
                    element(w, "ReceiverType", r.receiverType());
                    w.writeEndElement();
                }
                w.writeEndElement();
            }
            w.writeEndElement();
        }
        if (!b.replacements().isEmpty()) {
            w.writeStartElement(P, "ReplacementInfoList", Edxml.NS);
            for (Business.Replacement r : b.replacements()) {
                w.writeStartElement(P, "ReplacementInfo", Edxml.NS);
                element(w, "DocumentId", r.documentId());
                w.writeStartElement(P, "OrganIdList", Edxml.NS);
                for (String id : r.organIds()) {
                    element(w, "OrganId", id);
                }
                w.writeEndElement();
                w.writeEndElement();
            }
            w.writeEndElement();
        }
        for (StaffInfo s : b.staff()) {
            staffInfo(w, s);
        }
        w.writeEndElement();
    }

    private static void element(XMLStreamWriter w, String name, String value) throws XMLStreamException {
        if (value == null) {
            return;
        }
        w.writeStartElement(P, name, Edxml.NS);
        w.writeCharacters(value);
        w.writeEndElement();
    }
}
