package vn.docaxis.evidence;

import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

/**
 * The XML form of evidence and checkpoints ({@code schemas/evidence.xsd}). Elements come in the
 * schema's order; each on its own line, so that the file reads well in a text editor too.
 */
final class EvidenceXml {

    static final String NS = "urn:docaxis:evidence:1";
    /** The previous hash of the first evidence. */
    static final String GENESIS = "0".repeat(64);

    private static final DocumentBuilderFactory BUILDERS = DocumentBuilderFactory.newInstance();

    static {
        BUILDERS.setNamespaceAware(true);
    }

    private EvidenceXml() {
    }

    static Document evidence(EvidenceFacts f, long seq, String previousHash) {
        Writer w = new Writer("Evidence");
        w.text("Sequence", Long.toString(seq));
        w.text("Event", f.event().name());
        w.text("Time", time(f.at()));
        w.text("Actor", f.actor().name()).setAttribute("kind", f.actor().kind());
        for (EvidenceFacts.Party p : f.agencies()) {
            w.text("Agency", p.code()).setAttribute("role", p.role());
        }
        if (f.pkg() != null) {
            EvidenceFacts.PackageFacts p = f.pkg();
            Element pkg = w.open("Package");
            if (p.id() != null) { // a refused package has no id
                pkg.setAttribute("id", p.id().toString());
            }
            if (p.kind() != null) {
                pkg.setAttribute("kind", p.kind());
            }
            if (p.businessType() != null) {
                pkg.setAttribute("businessType", p.businessType());
            }
            w.optional(pkg, "DocumentId", p.documentId());
            w.optional(pkg, "CodeNumber", p.codeNumber());
            w.optional(pkg, "CodeNotation", p.codeNotation());
            w.optional(pkg, "Subject", p.subject());
            w.optional(pkg, "Sha256", p.sha256()); // unknown for a package refused before it was read whole
            w.optional(pkg, "Size", p.size() == null ? null : p.size().toString());
            w.optional(pkg, "Verification", p.verification());
            w.optional(pkg, "OriginalPackage", p.originalId() == null ? null : p.originalId().toString());
            for (EvidenceFacts.AttachmentFact a : p.attachments()) {
                Element e = w.text(pkg, "Attachment", a.sha256());
                e.setAttribute("name", a.name());
                e.setAttribute("size", Long.toString(a.size()));
            }
            w.close(pkg);
        }
        if (f.delivery() != null) {
            Element d = w.empty("Delivery");
            d.setAttribute("id", f.delivery().id().toString());
            d.setAttribute("recipient", f.delivery().recipient());
        }
        if (f.status() != null) {
            w.text("Status", f.status().description()).setAttribute("code", f.status().code());
        }
        for (EvidenceFacts.ReasonFact r : f.reasons()) {
            w.text("Reason", r.text()).setAttribute("code", r.code());
        }
        if (f.change() != null) {
            Element c = w.text("Change", f.change().detail());
            c.setAttribute("action", f.change().action());
            c.setAttribute("targetType", f.change().targetType());
            if (f.change().targetId() != null) {
                c.setAttribute("targetId", f.change().targetId());
            }
        }
        w.optional(w.root, "Detail", f.detail());
        w.text("PreviousHash", previousHash);
        return w.done();
    }

    static Document checkpoint(long number, Instant at, long lastSeq, String lastHash, long count,
                               String previousCheckpointHash) {
        Writer w = new Writer("Checkpoint");
        w.text("Number", Long.toString(number));
        w.text("Time", time(at));
        w.text("LastSequence", Long.toString(lastSeq));
        w.text("LastHash", lastHash);
        w.text("Count", Long.toString(count));
        w.text("PreviousCheckpointHash", previousCheckpointHash);
        return w.done();
    }

    /** UTC, to the microsecond PostgreSQL keeps: the XML says what the database says. */
    static String time(Instant at) {
        return DateTimeFormatter.ISO_INSTANT.format(at.truncatedTo(ChronoUnit.MICROS));
    }

    /** Builds the document with a line break before every child of the root and of Package. */
    private static final class Writer {
        final Document doc;
        final Element root;

        Writer(String rootName) {
            try {
                DocumentBuilder builder = BUILDERS.newDocumentBuilder();
                doc = builder.newDocument();
            } catch (ParserConfigurationException e) {
                throw new IllegalStateException(e);
            }
            root = doc.createElementNS(NS, rootName);
            root.setAttributeNS("http://www.w3.org/2000/xmlns/", "xmlns", NS);
            doc.appendChild(root);
        }

        Element text(String name, String value) {
            return text(root, name, value);
        }

        Element text(Element parent, String name, String value) {
            Element e = child(parent, name);
            if (value != null) {
                e.setTextContent(clean(value));
            }
            return e;
        }

        void optional(Element parent, String name, String value) {
            if (value != null && !value.isEmpty()) {
                text(parent, name, value);
            }
        }

        Element empty(String name) {
            return child(root, name);
        }

        Element open(String name) {
            return child(root, name);
        }

        void close(Element parent) {
            parent.appendChild(doc.createTextNode("\n  "));
        }

        private Element child(Element parent, String name) {
            parent.appendChild(doc.createTextNode(parent == root ? "\n  " : "\n    "));
            Element e = doc.createElementNS(NS, name);
            parent.appendChild(e);
            return e;
        }

        Document done() {
            root.appendChild(doc.createTextNode("\n"));
            return doc;
        }
    }

    /** Characters XML 1.0 cannot carry are dropped: a sender's odd byte must not stop the evidence. */
    private static String clean(String s) {
        StringBuilder out = null;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            boolean ok = c == '\t' || c == '\n' || c == '\r' || (c >= 0x20 && c <= 0xD7FF)
                    || Character.isSurrogate(c) || (c >= 0xE000 && c <= 0xFFFD);
            if (!ok && out == null) {
                out = new StringBuilder(s.length()).append(s, 0, i);
            } else if (ok && out != null) {
                out.append(c);
            }
        }
        return out == null ? s : out.toString();
    }
}
