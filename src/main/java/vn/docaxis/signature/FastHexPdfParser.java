package vn.docaxis.signature;

import java.io.IOException;
import java.util.Arrays;
import java.util.IdentityHashMap;
import java.util.Map;
import org.apache.pdfbox.cos.COSString;
import org.apache.pdfbox.io.RandomAccessRead;
import org.apache.pdfbox.pdfparser.PDFParser;

/**
 * PDFBox's parser, reading hex strings in blocks. A signature's {@code /Contents} is tens of
 * kilobytes of hex that PDFBox decodes a character at a time through a synchronized stream; on
 * one-page documents that was a third of the verification time. The meaning is PDFBox's own:
 * whitespace is skipped, an odd last digit is read as if followed by 0, and after a character
 * that is neither the string ends at {@code >} with an unpaired digit dropped.
 */
final class FastHexPdfParser extends PDFParser {

    private static final int BLOCK = 4096;
    /** Most hex strings (file identifiers) are short: the first read is small. */
    private static final int FIRST_READ = 128;
    /** Hex strings at least this long (signature values) have their place in the file recorded. */
    private static final int RECORDED = 256;

    /** Reused by every hex string of the document: one parser reads one document. */
    private final byte[] block = new byte[BLOCK];
    private byte[] value = new byte[BLOCK];
    private final Map<COSString, long[]> places = new IdentityHashMap<>();

    FastHexPdfParser(RandomAccessRead source) throws IOException {
        super(source);
    }

    @Override
    protected COSString parseCOSString() throws IOException {
        if (source.peek() != '<') {
            return super.parseCOSString();
        }
        long start = source.getPosition();
        source.read();
        boolean[] digitsOnly = new boolean[1];
        byte[] decoded = readHex(digitsOnly);
        COSString string = new COSString(decoded);
        if (digitsOnly[0] && decoded.length >= RECORDED) {
            places.put(string, new long[] {start, source.getPosition()});
        }
        return string;
    }

    /**
     * Where a long hex string this parser read lies in the file, {@code <} to just past {@code >},
     * when it is exactly an even run of hex digits; null otherwise (or for strings it did not read).
     */
    long[] placeOf(COSString string) {
        return places.get(string);
    }

    /**
     * The bytes of a hex string whose {@code <} was read; leaves the source just past its
     * {@code >}. {@code digitsOnly[0]} tells whether it held an even number of digits and nothing else.
     */
    private byte[] readHex(boolean[] digitsOnly) throws IOException {
        int length = 0;
        int high = -1;           // a digit waiting for its pair
        boolean skipping = false; // a foreign character was met: ignore everything up to '>'
        boolean other = false;    // anything but digits was met
        int want = FIRST_READ;
        while (true) {
            int n = source.read(block, 0, want);
            want = BLOCK;
            if (n <= 0) {
                throw new IOException("Missing closing bracket for hex string. Reached EOS.");
            }
            int i = 0;
            while (i < n) {
                // the common case, two digits in a row, decoded without the rules below
                if (!skipping && high < 0 && i + 1 < n) {
                    int pair = (HexDigits.value(block[i] & 0xff) << 4) | HexDigits.value(block[i + 1] & 0xff);
                    if (pair >= 0) {
                        grow(length);
                        value[length++] = (byte) pair;
                        i += 2;
                        continue;
                    }
                }
                int c = block[i++] & 0xff;
                if (c == '>') {
                    source.rewind(n - i);
                    if (high >= 0) {
                        grow(length);
                        value[length++] = (byte) (high << 4);
                        other = true;
                    }
                    digitsOnly[0] = !other;
                    return Arrays.copyOf(value, length);
                }
                if (skipping) {
                    continue;
                }
                int digit = HexDigits.value(c);
                if (digit >= 0) {
                    if (high < 0) {
                        high = digit;
                    } else {
                        grow(length);
                        value[length++] = (byte) ((high << 4) | digit);
                        high = -1;
                    }
                } else {
                    other = true;
                    if (!isWhitespace(c)) {
                        skipping = true;
                        high = -1;
                    }
                }
            }
        }
    }

    private void grow(int length) {
        if (length == value.length) {
            value = Arrays.copyOf(value, value.length * 2);
        }
    }
}
