package vn.docaxis.signature;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PdfBytesTest {

    @TempDir
    Path dir;

    @Test
    void rangeDigestsEqualDigestsComputedAloneWhateverTheOrderOfTheSignatures() throws Exception {
        byte[] file = new byte[200_000];
        new Random(5).nextBytes(file);
        long[][] ranges = {{0, 90_000, 100_000, 20_000}, {0, 150_000, 160_000, 40_000}, {0, 10, 20, 5}, {0, 90_000, 95_000, 0}};
        PdfBytes forward = PdfBytes.map(Files.write(dir.resolve("a.pdf"), file));
        PdfBytes backward = PdfBytes.map(dir.resolve("a.pdf"));
        for (int i = 0; i < ranges.length; i++) {
            long[] f = ranges[i];
            long[] r = ranges[ranges.length - 1 - i];
            for (String algorithm : new String[] {"SHA-256", "SHA-512"}) {
                assertArrayEquals(alone(algorithm, file, f), forward.digest(algorithm, f[1], f[2], f[3]), algorithm + " " + i);
                assertArrayEquals(alone(algorithm, file, r), backward.digest(algorithm, r[1], r[2], r[3]), algorithm + " " + i);
            }
        }
    }

    @Test
    void tellsTheSignatureValueFromOtherBytesInTheGap() throws Exception {
        byte[] value = HexFormat.of().parseHex("3082abcd0000");
        String pdf = "head<3082ABcd0000>tail<3082abcd0001>(3082abcd0000)<3082abcd00 0>";
        PdfBytes bytes = PdfBytes.map(Files.writeString(dir.resolve("b.pdf"), pdf, StandardCharsets.US_ASCII));
        assertEquals(PdfBytes.Gap.CONTENTS, bytes.gap(4, 18, value));
        assertEquals(PdfBytes.Gap.OTHER_VALUE, bytes.gap(22, 36, value));
        assertEquals(PdfBytes.Gap.OTHER_VALUE, bytes.gap(4, 18, new byte[5]));
        assertEquals(PdfBytes.Gap.NOT_HEX, bytes.gap(36, 50, value));
        assertEquals(PdfBytes.Gap.NOT_HEX, bytes.gap(50, 64, value));
        assertEquals(PdfBytes.Gap.NOT_HEX, bytes.gap(4, 17, value));
    }

    private static byte[] alone(String algorithm, byte[] file, long[] r) throws Exception {
        MessageDigest md = MessageDigest.getInstance(algorithm);
        md.update(file, 0, (int) r[1]);
        md.update(file, (int) r[2], (int) r[3]);
        return md.digest();
    }
}
