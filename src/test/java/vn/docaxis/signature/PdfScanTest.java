package vn.docaxis.signature;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The word-at-a-time scan finds exactly what a naive scan finds, at every alignment and across megabytes. */
class PdfScanTest {

    private static final int MB = 1 << 20;

    @TempDir
    Path dir;

    @Test
    void findsEveryMarkerInAFileOfSeveralMegabytes() throws Exception {
        byte[] bytes = new byte[3 * MB + 1234];
        Random random = new Random(9);
        for (int i = 0; i < bytes.length; i++) {
            bytes[i] = (byte) ('a' + random.nextInt(20)); // letters only: no accidental markers
        }
        List<Integer> places = new ArrayList<>();
        for (int edge = MB; edge < bytes.length; edge += MB - 8) {
            for (int d = -12; d <= 4; d += 3) {
                places.add(edge + d);
            }
        }
        int k = 0;
        for (int at : places) {
            String marker = switch (k++ % 4) {
                case 0 -> "%%EOF\r\n";
                case 1 -> "stream\n";
                case 2 -> "endstream\n";
                default -> "stream\r\n";
            };
            byte[] m = marker.getBytes(StandardCharsets.US_ASCII);
            if (at > 0 && at + m.length < bytes.length) {
                System.arraycopy(m, 0, bytes, at, m.length);
            }
        }
        System.arraycopy("%%EOF".getBytes(StandardCharsets.US_ASCII), 0, bytes, bytes.length - 5, 5);
        Path file = Files.write(dir.resolve("big.pdf"), bytes);
        PdfScan.Result scanned = PdfBytes.map(file).scan();
        assertEquals(naiveEnds(bytes), scanned.revisionEnds().stream().map(e -> e[0] + ":" + e[1]).toList());
        assertEquals(naiveStreams(bytes), scanned.streamStarts());
    }

    @Test
    void findsMarkersAtEveryOffsetOfASmallFile() throws Exception {
        // the scan reads eight bytes at a time: put each marker at every alignment, the file's edges included
        for (String marker : List.of("%%EOF", "%%EOF\n", "stream\r\n", "endstream\n", "stream\n")) {
            for (int at = 0; at <= 20; at++) {
                byte[] bytes = new byte[at + marker.length() + at % 9];
                Arrays.fill(bytes, (byte) 'x');
                System.arraycopy(marker.getBytes(StandardCharsets.US_ASCII), 0, bytes, at, marker.length());
                Path file = Files.write(dir.resolve("small.pdf"), bytes);
                PdfScan.Result scanned = PdfBytes.map(file).scan();
                String where = marker.trim() + " at " + at + " of " + bytes.length;
                assertEquals(naiveEnds(bytes), scanned.revisionEnds().stream().map(e -> e[0] + ":" + e[1]).toList(), where);
                assertEquals(naiveStreams(bytes), scanned.streamStarts(), where);
            }
        }
    }

    @Test
    void findsMarkersAmongRandomBytes() throws Exception {
        byte[] bytes = new byte[300_000];
        new Random(4).nextBytes(bytes);
        for (int at = 17; at + 10 < bytes.length; at += 7919) {
            System.arraycopy((at % 2 == 0 ? "stream\n" : "%%EOF\r\n").getBytes(StandardCharsets.US_ASCII), 0, bytes, at, 7);
        }
        Path file = Files.write(dir.resolve("random.pdf"), bytes);
        PdfScan.Result scanned = PdfBytes.map(file).scan();
        assertEquals(naiveEnds(bytes), scanned.revisionEnds().stream().map(e -> e[0] + ":" + e[1]).toList());
        assertEquals(naiveStreams(bytes), scanned.streamStarts());
    }

    private static List<String> naiveEnds(byte[] b) {
        List<String> ends = new ArrayList<>();
        String s = new String(b, StandardCharsets.ISO_8859_1);
        for (int i = s.indexOf("%%EOF"); i >= 0; i = s.indexOf("%%EOF", i + 1)) {
            int j = i + 5;
            if (j < b.length && b[j] == '\r') {
                j++;
            }
            if (j < b.length && b[j] == '\n') {
                j++;
            }
            ends.add((i + 5) + ":" + j);
        }
        return ends;
    }

    private static List<Long> naiveStreams(byte[] b) {
        List<Long> starts = new ArrayList<>();
        String s = new String(b, StandardCharsets.ISO_8859_1);
        for (int i = s.indexOf("stream"); i >= 0; i = s.indexOf("stream", i + 1)) {
            if (i >= 3 && s.startsWith("end", i - 3)) {
                continue;
            }
            int j = i + 6;
            if (j < b.length && b[j] == '\r') {
                j++;
            }
            if (j < b.length && b[j] == '\n') {
                starts.add((long) j + 1);
            }
        }
        return starts;
    }
}
