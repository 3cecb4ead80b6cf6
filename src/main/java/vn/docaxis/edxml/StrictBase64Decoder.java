package vn.docaxis.edxml;

import java.io.IOException;
import java.io.OutputStream;
import java.util.Arrays;

/**
 * Decodes base64 pushed in pieces, as the XML parser delivers text. Whitespace is skipped;
 * anything else outside the alphabet is an error (the MIME decoder would skip it silently and
 * produce garbage). Final padding may be omitted.
 */
final class StrictBase64Decoder {

    private static final int[] VALUE = new int[128];

    static {
        Arrays.fill(VALUE, -1);
        String alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
        for (int i = 0; i < alphabet.length(); i++) {
            VALUE[alphabet.charAt(i)] = i;
        }
    }

    private final OutputStream out;
    private final byte[] buffer = new byte[8192];
    private int buffered;
    private int quad;
    private int count;
    private int padding;
    private long position;

    StrictBase64Decoder(OutputStream out) {
        this.out = out;
    }

    void write(char[] chars, int offset, int length) throws IOException {
        for (int i = offset; i < offset + length; i++) {
            char c = chars[i];
            position++;
            if (c == ' ' || c == '\n' || c == '\r' || c == '\t') {
                continue;
            }
            if (c == '=') {
                if (count < 2 || padding + count >= 4) {
                    throw new Base64Exception("misplaced '=' at character " + position);
                }
                padding++;
                if (count + padding == 4) {
                    flushQuad();
                }
                continue;
            }
            int v = c < 128 ? VALUE[c] : -1;
            if (v < 0) {
                throw new Base64Exception("character '" + printable(c) + "' at position " + position + " is not base64");
            }
            if (padding > 0) {
                throw new Base64Exception("data after '=' padding at character " + position);
            }
            quad = (quad << 6) | v;
            count++;
            if (count == 4) {
                flushQuad();
            }
        }
    }

    /** Ends the input; a final group with missing or partial padding is accepted. */
    void finish() throws IOException {
        if (count == 1) {
            throw new Base64Exception("truncated: a lone final base64 character");
        }
        if (count > 0) {
            flushQuad();
        }
        out.write(buffer, 0, buffered);
        buffered = 0;
    }

    private void flushQuad() throws IOException {
        int bits = quad << (6 * (4 - count));
        int bytes = count - 1;
        if (buffered + 3 > buffer.length) {
            out.write(buffer, 0, buffered);
            buffered = 0;
        }
        buffer[buffered++] = (byte) (bits >> 16);
        if (bytes > 1) {
            buffer[buffered++] = (byte) (bits >> 8);
        }
        if (bytes > 2) {
            buffer[buffered++] = (byte) bits;
        }
        quad = 0;
        count = 0;
        if (padding > 0) {
            padding = 4; // the group is closed: only padding or whitespace may follow
        }
    }

    private static String printable(char c) {
        return c < 32 ? String.format("\\u%04x", (int) c) : String.valueOf(c);
    }

    /** The text is not base64. */
    static final class Base64Exception extends IOException {
        Base64Exception(String message) {
            super(message);
        }
    }
}
