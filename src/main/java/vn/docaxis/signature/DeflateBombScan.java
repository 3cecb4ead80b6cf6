package vn.docaxis.signature;

import java.nio.ByteBuffer;
import java.util.List;
import java.util.zip.DataFormatException;
import java.util.zip.Inflater;

/**
 * Runs before the PDF parser: PDFBox inflates xref and object streams while parsing, into memory
 * and without bound. Every stream {@link PdfScan} found is test-inflated here, counting output
 * without keeping it, so a deflate bomb (in any stream, content streams included) is refused
 * before it costs memory.
 */
final class DeflateBombScan {

    private static final long RATIO_FLOOR = 10L << 20;

    private DeflateBombScan() {
    }

    /** @param streamStarts where stream bodies begin, from {@link PdfScan} */
    static void scan(PdfBytes pdf, List<Long> streamStarts, long maxDecodedBytes, int maxRatio, Deadline deadline) {
        ByteBuffer bytes = pdf.buffer();
        int length = bytes.limit();
        long total = 0;
        byte[] sink = new byte[16384];
        Inflater inflater = new Inflater();
        try {
            for (long startAt : streamStarts) {
                int start = (int) startAt;
                if (start + 2 > length || (bytes.get(start) & 0x0f) != 8 || (((bytes.get(start) & 0xff) << 8)
                        | (bytes.get(start + 1) & 0xff)) % 31 != 0) {
                    continue; // no zlib header: not Flate, or not compressed
                }
                inflater.reset();
                inflater.setInput(bytes.slice(start, length - start));
                long produced = 0;
                try {
                    while (!inflater.finished() && !inflater.needsInput()) {
                        int n = inflater.inflate(sink);
                        if (n == 0 && (inflater.needsDictionary() || inflater.needsInput())) {
                            break;
                        }
                        produced += n;
                        total += n;
                        if (total > maxDecodedBytes) {
                            throw new Deadline.LimitExceeded("the streams decode to more than " + maxDecodedBytes + " bytes");
                        }
                        if (produced > RATIO_FLOOR && produced / Math.max(1, inflater.getBytesRead()) > maxRatio) {
                            throw new Deadline.LimitExceeded("a stream expands more than " + maxRatio + " times (deflate bomb)");
                        }
                        if ((produced & 0xFFFFF) < sink.length) {
                            deadline.check();
                        }
                    }
                } catch (DataFormatException e) {
                    // not Flate data after all: the parser will judge it
                }
            }
        } finally {
            inflater.end();
        }
    }
}
