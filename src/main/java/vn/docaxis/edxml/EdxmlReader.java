package vn.docaxis.edxml;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.Map;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

/**
 * Reads a document or status package in one streaming pass. The parser runs without namespace
 * processing, because real packages use undeclared prefixes on attributes ({@code xlink:href});
 * element namespaces are resolved here, strictly. DOCTYPE is refused, so no entity is ever
 * declared or expanded; depth, element count and text sizes are bounded; attachment content is
 * decoded from base64 to files as it is read, never held in memory.
 */
public final class EdxmlReader {

    private static final XMLInputFactory FACTORY = factory();
    /** The prefix every sender uses for the edXML namespace, honoured even where undeclared. */
    private static final String CONVENTIONAL_PREFIX = "edXML";

    private final Limits limits;

    public EdxmlReader(Limits limits) {
        this.limits = limits;
    }

    /**
     * @param file the package bytes exactly as received
     * @param workDir an empty directory for decoded attachments; owned by the result from then on
     * @throws EdxmlException EDXML_MALFORMED when the bytes are not a readable edXML package
     */
    public ParsedPackage read(Path file, Path workDir) {
        ParsedPackage parsed = null;
        try {
            Files.createDirectories(workDir);
            Node root = parse(file, workDir);
            parsed = new ParsedPackage(new PackageMapper(workDir, limits).map(root), workDir);
            return parsed;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            if (parsed == null) {
                ParsedPackage.deleteTree(workDir);
            }
        }
    }

    private Node parse(Path file, Path workDir) throws IOException {
        try (InputStream in = new BufferedInputStream(Files.newInputStream(file), 65536)) {
            XMLStreamReader r = FACTORY.createXMLStreamReader(in);
            try {
                return walk(r, workDir);
            } finally {
                r.close();
            }
        } catch (XMLStreamException e) {
            throw EdxmlException.malformed("Not well-formed XML" + where(e) + ": " + firstLine(e.getMessage()));
        }
    }

    private Node walk(XMLStreamReader r, Path workDir) throws XMLStreamException, IOException {
        AttachmentDecoding[] current = new AttachmentDecoding[1];
        try {
            return walk(r, workDir, current);
        } finally {
            if (current[0] != null) {
                current[0].abort();
            }
        }
    }

    private Node walk(XMLStreamReader r, Path workDir, AttachmentDecoding[] current) throws XMLStreamException, IOException {
        Deque<Node> open = new ArrayDeque<>();
        Deque<Map<String, String>> scopes = new ArrayDeque<>();
        scopes.push(Map.of("", ""));
        Node root = null;
        int elements = 0;
        long headerChars = 0;
        int attachments = 0;
        AttachmentDecoding decoding = null;
        while (r.hasNext()) {
            int event = r.next();
            switch (event) {
                case XMLStreamConstants.DTD -> throw EdxmlException.malformed("A DOCTYPE is not allowed in an edXML package");
                case XMLStreamConstants.ENTITY_REFERENCE -> throw EdxmlException.malformed("Entity references are not allowed");
                case XMLStreamConstants.START_ELEMENT -> {
                    if (decoding != null) {
                        throw EdxmlException.malformed("ContentTransferEncoded must hold text only");
                    }
                    if (++elements > limits.maxElements()) {
                        throw EdxmlException.malformed("More than " + limits.maxElements() + " elements");
                    }
                    if (open.size() + 1 > limits.maxDepth()) {
                        throw EdxmlException.malformed("Elements nested deeper than " + limits.maxDepth());
                    }
                    Map<String, String> scope = declarations(r, scopes.peek());
                    scopes.push(scope);
                    Node node = element(r, scope);
                    if (root == null) {
                        if (!node.name.equals("edXML") || !Edxml.NS.equals(node.namespace)) {
                            throw EdxmlException.malformed("The root element is not edXML in namespace " + Edxml.NS);
                        }
                        root = node;
                    } else {
                        Node parent = open.peek();
                        parent.children.add(node);
                        if (node.is("ContentTransferEncoded") && parent.is("Attachment")) {
                            if (++attachments > limits.maxAttachments()) {
                                throw EdxmlException.malformed("More than " + limits.maxAttachments() + " attachments");
                            }
                            decoding = new AttachmentDecoding(node, workDir.resolve("attachment-" + attachments),
                                    limits.maxAttachmentBytes());
                            current[0] = decoding;
                        }
                    }
                    open.push(node);
                }
                case XMLStreamConstants.CHARACTERS, XMLStreamConstants.CDATA, XMLStreamConstants.SPACE -> {
                    Node node = open.peek();
                    if (node == null) {
                        break;
                    }
                    if (decoding != null) {
                        decoding.write(r.getTextCharacters(), r.getTextStart(), r.getTextLength());
                    } else if (!r.isWhiteSpace() || node.textLength() > 0) {
                        headerChars += r.getTextLength();
                        if (node.textLength() + r.getTextLength() > limits.maxFieldChars()) {
                            throw EdxmlException.malformed("The text of " + node.name + " is longer than "
                                    + limits.maxFieldChars() + " characters");
                        }
                        if (headerChars > limits.maxHeaderChars()) {
                            throw EdxmlException.malformed("More than " + limits.maxHeaderChars() + " characters of header text");
                        }
                        node.append(r.getTextCharacters(), r.getTextStart(), r.getTextLength());
                    }
                }
                case XMLStreamConstants.END_ELEMENT -> {
                    Node node = open.pop();
                    scopes.pop();
                    if (decoding != null && decoding.node == node) {
                        node.decoded = decoding.finish();
                        decoding = null;
                        current[0] = null;
                    }
                }
                default -> {
                    // comments, processing instructions, the XML declaration: nothing to keep
                }
            }
        }
        if (root == null) {
            throw EdxmlException.malformed("The body holds no XML element");
        }
        return root;
    }

    /** The namespace scope of an element: its parent's, plus its own xmlns declarations. */
    private static Map<String, String> declarations(XMLStreamReader r, Map<String, String> parent) {
        Map<String, String> scope = parent;
        for (int i = 0; i < r.getAttributeCount(); i++) {
            String name = qualifiedName(r.getAttributePrefix(i), r.getAttributeLocalName(i));
            String prefix = name.equals("xmlns") ? "" : name.startsWith("xmlns:") ? name.substring(6) : null;
            if (prefix != null) {
                if (scope == parent) {
                    scope = new HashMap<>(parent);
                }
                scope.put(prefix, r.getAttributeValue(i));
            }
        }
        return scope;
    }

    private static Node element(XMLStreamReader r, Map<String, String> scope) {
        String qname = qualifiedName(r.getPrefix(), r.getLocalName());
        int colon = qname.indexOf(':');
        String prefix = colon < 0 ? "" : qname.substring(0, colon);
        String local = colon < 0 ? qname : qname.substring(colon + 1);
        String namespace = scope.get(prefix);
        if (namespace == null && prefix.equals(CONVENTIONAL_PREFIX)) {
            // The legacy SDK writes edXML:AttachmentEncoded outside the envelope that declares the prefix.
            namespace = Edxml.NS;
        }
        if (namespace == null) {
            throw EdxmlException.malformed("The prefix '" + prefix + "' of element " + qname + " is not declared");
        }
        return new Node(namespace, local);
    }

    private static String qualifiedName(String prefix, String local) {
        return prefix == null || prefix.isEmpty() ? local : prefix + ":" + local;
    }

    private static XMLInputFactory factory() {
        XMLInputFactory f = XMLInputFactory.newFactory();
        f.setProperty(XMLInputFactory.IS_NAMESPACE_AWARE, false);
        f.setProperty(XMLInputFactory.SUPPORT_DTD, false);
        f.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
        f.setProperty(XMLInputFactory.IS_REPLACING_ENTITY_REFERENCES, false);
        f.setProperty(XMLInputFactory.IS_COALESCING, false);
        f.setXMLResolver((publicId, systemId, base, ns) -> {
            throw new XMLStreamException("External resources are not allowed");
        });
        return f;
    }

    private static String where(XMLStreamException e) {
        return e.getLocation() == null ? "" : " (line " + e.getLocation().getLineNumber()
                + ", column " + e.getLocation().getColumnNumber() + ")";
    }

    private static String firstLine(String message) {
        if (message == null) {
            return "unreadable";
        }
        String m = message.contains("Message: ") ? message.substring(message.indexOf("Message: ") + 9) : message;
        int nl = m.indexOf('\n');
        return (nl < 0 ? m : m.substring(0, nl)).strip();
    }

    /** Streams one attachment's base64 text into a file, with its hash and size. */
    private static final class AttachmentDecoding {
        final Node node;
        private final Path file;
        private final HashingFileOutput out;
        private final StrictBase64Decoder decoder;
        private String problem;

        AttachmentDecoding(Node node, Path file, long limit) throws IOException {
            this.node = node;
            this.file = file;
            this.out = new HashingFileOutput(file, limit);
            this.decoder = new StrictBase64Decoder(out);
        }

        void write(char[] chars, int start, int length) throws IOException {
            if (problem != null) {
                return; // keep reading the XML; the attachment is already known to be unusable
            }
            try {
                decoder.write(chars, start, length);
            } catch (StrictBase64Decoder.Base64Exception | HashingFileOutput.LimitExceeded e) {
                problem = e instanceof HashingFileOutput.LimitExceeded ? "larger than allowed: " + e.getMessage()
                        : "not base64: " + e.getMessage();
            }
        }

        /** Closes the file when reading stopped half-way. */
        void abort() {
            try {
                out.close();
            } catch (IOException ignored) {
                // the work directory is deleted anyway
            }
        }

        Node.DecodedContent finish() throws IOException {
            if (problem == null) {
                try {
                    decoder.finish();
                } catch (StrictBase64Decoder.Base64Exception | HashingFileOutput.LimitExceeded e) {
                    problem = "not base64: " + e.getMessage();
                }
            }
            out.close();
            return problem == null ? new Node.DecodedContent(file, out.size(), out.sha256(), null)
                    : new Node.DecodedContent(file, 0, null, problem);
        }
    }
}
