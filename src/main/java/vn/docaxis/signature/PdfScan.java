package vn.docaxis.signature;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.List;

/**
 * One pass over a PDF's raw bytes finding where revisions end ({@code %%EOF}) and where streams
 * begin ({@code stream} + end of line), eight bytes at a time: most words hold neither marker's
 * first byte and are skipped whole.
 */
final class PdfScan {

    /**
     * @param revisionEnds index i holds the two acceptable ends of revision i + 1: just after
     *                     {@code %%EOF}, and after the end of line that follows it
     * @param streamStarts offsets of the first byte of each stream body
     */
    record Result(List<long[]> revisionEnds, List<Long> streamStarts) {
    }

    private PdfScan() {
    }

    static Result scan(ByteBuffer buffer) {
        ByteBuffer bytes = buffer.order(ByteOrder.LITTLE_ENDIAN);
        int length = bytes.limit();
        List<long[]> ends = new ArrayList<>();
        List<Long> streams = new ArrayList<>();
        int i = 0;
        for (; i + Long.BYTES <= length; i += Long.BYTES) {
            if (mayHoldMarker(bytes.getLong(i))) {
                for (int k = i; k < i + Long.BYTES; k++) {
                    examine(bytes, length, k, ends, streams);
                }
            }
        }
        for (; i < length; i++) {
            examine(bytes, length, i, ends, streams);
        }
        return new Result(ends, streams);
    }

    /** Records a marker starting at byte {@code i}, if there is one. */
    private static void examine(ByteBuffer bytes, int length, int i, List<long[]> ends, List<Long> streams) {
        byte b = bytes.get(i);
        if (b == '%' && matches(bytes, length, i, "%%EOF")) {
            ends.add(new long[] {i + 5, afterEol(bytes, length, i + 5)});
        } else if (b == 's' && matches(bytes, length, i, "stream") && !endstream(bytes, i)) {
            int j = i + 6;
            if (j < length && bytes.get(j) == '\r') {
                j++;
            }
            if (j < length && bytes.get(j) == '\n') {
                streams.add((long) j + 1);
            }
        }
    }

    /** Whether any byte of the word is '%' or 's' (the classic has-zero-byte test on word ^ pattern). */
    private static boolean mayHoldMarker(long word) {
        long percents = word ^ 0x2525252525252525L;
        long esses = word ^ 0x7373737373737373L;
        long low = 0x0101010101010101L;
        return ((((percents - low) & ~percents) | ((esses - low) & ~esses)) & 0x8080808080808080L) != 0;
    }

    private static boolean matches(ByteBuffer bytes, int length, int at, String marker) {
        if (at + marker.length() > length) {
            return false;
        }
        for (int k = 1; k < marker.length(); k++) {
            if (bytes.get(at + k) != marker.charAt(k)) {
                return false;
            }
        }
        return true;
    }

    private static boolean endstream(ByteBuffer bytes, int at) {
        return at >= 3 && bytes.get(at - 1) == 'd' && bytes.get(at - 2) == 'n' && bytes.get(at - 3) == 'e';
    }

    private static int afterEol(ByteBuffer bytes, int length, int at) {
        int j = at;
        if (j < length && bytes.get(j) == '\r') {
            j++;
        }
        if (j < length && bytes.get(j) == '\n') {
            j++;
        }
        return j;
    }
}
