package vn.docaxis.evidence;

import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import java.util.TreeMap;

/**
 * The XML form of evidence and checkpoints ({@code schemas/evidence.xsd}), written directly in
 * its exclusive-c14n form: elements in the schema's order, each on its own line, attributes
 * sorted, {@code <a></a>} for empty elements, c14n escaping. What is stored is what is digested,
 * so signing needs no DOM, no serializer and no canonicalizer (see {@link XmlSigner}).
 */
final class EvidenceXml {

    static final String NS = "urn:docaxis:evidence:1";
    /** The previous hash of the first evidence. */
    static final String GENESIS = "0".repeat(64);

    private EvidenceXml() {
    }

    /** A document before its signature: its root element's canonical form, less the closing tag. */
    record Unsigned(String root, String body) {
    }

    static Unsigned evidence(EvidenceFacts f, long seq, String previousHash) {
        Writer w = new Writer("Evidence");
        w.text(1, "Sequence", Long.toString(seq));
        w.text(1, "Event", f.event().name());
        w.text(1, "Time", time(f.at()));
        w.text(1, "Actor", f.actor().name(), "kind", f.actor().kind());
        for (EvidenceFacts.Party p : f.agencies()) {
            w.text(1, "Agency", p.code(), "role", p.role());
        }
        if (f.pkg() != null) {
            EvidenceFacts.PackageFacts p = f.pkg();
            Map<String, String> attributes = new TreeMap<>();
            if (p.id() != null) { // a refused package has no id
                attributes.put("id", p.id().toString());
            }
            if (p.kind() != null) {
                attributes.put("kind", p.kind());
            }
            if (p.businessType() != null) {
                attributes.put("businessType", p.businessType());
            }
            w.open(1, "Package", attributes);
            w.optional(2, "DocumentId", p.documentId());
            w.optional(2, "CodeNumber", p.codeNumber());
            w.optional(2, "CodeNotation", p.codeNotation());
            w.optional(2, "Subject", p.subject());
            w.optional(2, "Sha256", p.sha256()); // unknown for a package refused before it was read whole
            w.optional(2, "Size", p.size() == null ? null : p.size().toString());
            w.optional(2, "Verification", p.verification());
            w.optional(2, "OriginalPackage", p.originalId() == null ? null : p.originalId().toString());
            for (EvidenceFacts.AttachmentFact a : p.attachments()) {
                w.text(2, "Attachment", a.sha256(), "name", a.name(), "size", Long.toString(a.size()));
            }
            w.close(1, "Package");
        }
        if (f.delivery() != null) {
            w.text(1, "Delivery", null, "id", f.delivery().id().toString(), "recipient", f.delivery().recipient());
        }
        if (f.status() != null) {
            w.text(1, "Status", f.status().description(), "code", f.status().code());
        }
        for (EvidenceFacts.ReasonFact r : f.reasons()) {
            w.text(1, "Reason", r.text(), "code", r.code());
        }
        if (f.change() != null) {
            Map<String, String> attributes = new TreeMap<>();
            attributes.put("action", f.change().action());
            attributes.put("targetType", f.change().targetType());
            if (f.change().targetId() != null) {
                attributes.put("targetId", f.change().targetId());
            }
            w.element(1, "Change", f.change().detail(), attributes);
        }
        w.optional(1, "Detail", f.detail());
        w.text(1, "PreviousHash", previousHash);
        return w.done();
    }

    static Unsigned checkpoint(long number, Instant at, long lastSeq, String lastHash, long count,
                               String previousCheckpointHash) {
        Writer w = new Writer("Checkpoint");
        w.text(1, "Number", Long.toString(number));
        w.text(1, "Time", time(at));
        w.text(1, "LastSequence", Long.toString(lastSeq));
        w.text(1, "LastHash", lastHash);
        w.text(1, "Count", Long.toString(count));
        w.text(1, "PreviousCheckpointHash", previousCheckpointHash);
        return w.done();
    }

    /** UTC, to the microsecond PostgreSQL keeps: the XML says what the database says. */
    static String time(Instant at) {
        return DateTimeFormatter.ISO_INSTANT.format(at.truncatedTo(ChronoUnit.MICROS));
    }

    /** Canonical XML, one element per line, indented by level. */
    private static final class Writer {
        private final StringBuilder out = new StringBuilder(2048);
        private final String root;

        Writer(String root) {
            this.root = root;
            out.append('<').append(root).append(" xmlns=\"").append(NS).append("\">");
        }

        void text(int level, String name, String value, String... attributes) {
            Map<String, String> sorted = new TreeMap<>();
            for (int i = 0; i < attributes.length; i += 2) {
                sorted.put(attributes[i], attributes[i + 1]);
            }
            element(level, name, value, sorted);
        }

        void optional(int level, String name, String value) {
            if (value != null && !value.isEmpty()) {
                text(level, name, value);
            }
        }

        void element(int level, String name, String value, Map<String, String> sortedAttributes) {
            start(level, name, sortedAttributes);
            if (value != null) {
                escapeText(value);
            }
            out.append("</").append(name).append('>');
        }

        void open(int level, String name, Map<String, String> sortedAttributes) {
            start(level, name, sortedAttributes);
        }

        void close(int level, String name) {
            out.append('\n').append("  ".repeat(level)).append("</").append(name).append('>');
        }

        private void start(int level, String name, Map<String, String> attributes) {
            out.append('\n').append("  ".repeat(level)).append('<').append(name);
            attributes.forEach((k, v) -> {
                out.append(' ').append(k).append("=\"");
                escapeAttribute(v);
                out.append('"');
            });
            out.append('>');
        }

        Unsigned done() {
            out.append('\n');
            return new Unsigned(root, out.toString());
        }

        /** c14n text: &amp; &lt; &gt; and CR as a reference; characters XML cannot carry are dropped. */
        private void escapeText(String s) {
            for (int i = 0; i < s.length(); i++) {
                char c = s.charAt(i);
                switch (c) {
                    case '&' -> out.append("&amp;");
                    case '<' -> out.append("&lt;");
                    case '>' -> out.append("&gt;");
                    case '\r' -> out.append("&#xD;");
                    default -> {
                        if (allowed(c)) {
                            out.append(c);
                        }
                    }
                }
            }
        }

        /** c14n attribute values: &amp; &lt; &quot; and tab, LF, CR as references. */
        private void escapeAttribute(String s) {
            for (int i = 0; i < s.length(); i++) {
                char c = s.charAt(i);
                switch (c) {
                    case '&' -> out.append("&amp;");
                    case '<' -> out.append("&lt;");
                    case '"' -> out.append("&quot;");
                    case '\t' -> out.append("&#x9;");
                    case '\n' -> out.append("&#xA;");
                    case '\r' -> out.append("&#xD;");
                    default -> {
                        if (allowed(c)) {
                            out.append(c);
                        }
                    }
                }
            }
        }

        /** XML 1.0 characters; a sender's odd byte must not stop the evidence. */
        private static boolean allowed(char c) {
            return c == '\t' || c == '\n' || (c >= 0x20 && c <= 0xD7FF) || Character.isSurrogate(c)
                    || (c >= 0xE000 && c <= 0xFFFD);
        }
    }
}
