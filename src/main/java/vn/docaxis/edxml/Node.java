package vn.docaxis.edxml;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * An element of the envelope, small enough to keep: the reader builds these for everything but
 * attachment content, then maps them onto the records. Lookups are by local name within the
 * edXML namespace (or no namespace, which some senders write), per EDXML.md.
 */
final class Node {

    final String namespace;
    final String name;
    final List<Node> children = new ArrayList<>(4);
    private StringBuilder text;
    /** Set on a {@code ContentTransferEncoded} element once its content was decoded to a file. */
    DecodedContent decoded;

    Node(String namespace, String name) {
        this.namespace = namespace;
        this.name = name;
    }

    boolean is(String localName) {
        return name.equals(localName) && isEdxml();
    }

    boolean isEdxml() {
        return Edxml.NS.equals(namespace) || namespace.isEmpty();
    }

    void append(char[] chars, int start, int length) {
        if (text == null) {
            text = new StringBuilder(Math.min(length, 256));
        }
        text.append(chars, start, length);
    }

    int textLength() {
        return text == null ? 0 : text.length();
    }

    /** The trimmed text, or null when empty. */
    String text() {
        if (text == null) {
            return null;
        }
        String t = text.toString().strip();
        return t.isEmpty() ? null : t;
    }

    Node child(String localName) {
        for (Node c : children) {
            if (c.is(localName)) {
                return c;
            }
        }
        return null;
    }

    List<Node> all(String localName) {
        List<Node> found = new ArrayList<>();
        for (Node c : children) {
            if (c.is(localName)) {
                found.add(c);
            }
        }
        return found;
    }

    String childText(String localName) {
        Node c = child(localName);
        return c == null ? null : c.text();
    }

    /** The text of every child of that name, skipping empty ones. */
    List<String> childTexts(String localName) {
        List<String> texts = new ArrayList<>();
        for (Node c : all(localName)) {
            if (c.text() != null) {
                texts.add(c.text());
            }
        }
        return texts;
    }

    /** What {@code ContentTransferEncoded} decoded to. */
    record DecodedContent(Path file, long size, String sha256, String problem) {
    }
}
