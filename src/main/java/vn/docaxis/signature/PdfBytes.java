package vn.docaxis.signature;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HashMap;
import java.util.Map;
import java.util.NavigableMap;
import java.util.TreeMap;
import org.apache.pdfbox.io.RandomAccessRead;
import org.apache.pdfbox.io.RandomAccessReadBuffer;

/**
 * The raw bytes of a PDF, as the signatures cover them: revisions, signature gaps, range digests.
 * The file is mapped once and every reader — the scan, the deflate-bomb check, the parser, the
 * digests — works on that mapping: no copies on the heap, however large the file.
 */
final class PdfBytes {

    private final ByteBuffer bytes;
    /** Digest states over [0, offset), by algorithm and offset: see {@link #digest}. */
    private final Map<String, NavigableMap<Long, MessageDigest>> prefixes = new HashMap<>();

    private PdfBytes(ByteBuffer bytes) {
        this.bytes = bytes;
    }

    /** Maps the file; at most 2 GiB (callers bound PDFs far below that). */
    static PdfBytes map(Path file) throws IOException {
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ)) {
            if (channel.size() > Integer.MAX_VALUE) {
                throw new IOException("the PDF is larger than 2 GiB");
            }
            return new PdfBytes(channel.map(FileChannel.MapMode.READ_ONLY, 0, channel.size()));
        }
    }

    long length() {
        return bytes.limit();
    }

    /** The bytes, as a buffer of the caller's own (position and limit are not shared). */
    ByteBuffer buffer() {
        return bytes.duplicate();
    }

    /** Revision ends and stream starts, in one pass over the file. */
    PdfScan.Result scan() {
        return PdfScan.scan(buffer());
    }

    /** The whole file, for the PDF parser. */
    RandomAccessRead reader() {
        return new RandomAccessReadBuffer(buffer());
    }

    /** The first {@code end} bytes: the document as it was at the end of an earlier revision. */
    RandomAccessRead reader(long end) {
        return new RandomAccessReadBuffer(bytes.slice(0, (int) Math.min(end, length())));
    }

    /** What the gap between the signed ranges of a signature holds. */
    enum Gap {
        /** exactly {@code <hex>} of the signature dictionary's /Contents */
        CONTENTS,
        /** a hex string of another value */
        OTHER_VALUE,
        /** anything but one hex string: a literal string, other bytes */
        NOT_HEX
    }

    /** Compares the gap {@code [b, c)} with the /Contents value, decoding the hex in blocks, without copies. */
    Gap gap(long b, long c, byte[] contents) {
        long size = c - b;
        if (size < 2 || c > length() || bytes.get((int) b) != '<' || bytes.get((int) c - 1) != '>' || size % 2 != 0) {
            return Gap.NOT_HEX;
        }
        int digits = (int) size - 2;
        boolean same = digits / 2 == contents.length;
        byte[] block = new byte[(int) Math.min(digits, 8192)];
        for (int done = 0; done < digits; done += block.length) {
            int n = Math.min(block.length, digits - done);
            bytes.get((int) b + 1 + done, block, 0, n); // bulk: byte-by-byte reads of a mapping are slow
            for (int i = 0; i < n; i += 2) {
                int value = (HexDigits.value(block[i] & 0xff) << 4) | HexDigits.value(block[i + 1] & 0xff);
                if (value < 0) {
                    return Gap.NOT_HEX;
                }
                same = same && (byte) value == contents[(done + i) / 2];
            }
        }
        return same ? Gap.CONTENTS : Gap.OTHER_VALUE;
    }

    char byteAt(long position) {
        return (char) (bytes.get((int) position) & 0xff);
    }

    /**
     * The digest of {@code [0, b)} and {@code [c, c + d)} (check 6); the ranges lie inside the
     * file. Every signature's first range starts at 0, so the state after a shorter first range
     * is kept and continued: the bulk of a document is hashed once, however many signatures.
     */
    byte[] digest(String algorithm, long b, long c, long d) {
        NavigableMap<Long, MessageDigest> states = prefixes.computeIfAbsent(algorithm, a -> new TreeMap<>());
        Map.Entry<Long, MessageDigest> known = states.floorEntry(b);
        MessageDigest md = known == null ? newDigest(algorithm) : copy(known.getValue());
        long from = known == null ? 0 : known.getKey();
        md.update(bytes.slice((int) from, (int) (b - from)));
        states.put(b, copy(md));
        md.update(bytes.slice((int) c, (int) d));
        return md.digest();
    }

    private static MessageDigest newDigest(String algorithm) {
        try {
            return MessageDigest.getInstance(algorithm);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static MessageDigest copy(MessageDigest md) {
        try {
            return (MessageDigest) md.clone();
        } catch (CloneNotSupportedException e) {
            throw new IllegalStateException("the JDK's digests can be cloned", e);
        }
    }
}
