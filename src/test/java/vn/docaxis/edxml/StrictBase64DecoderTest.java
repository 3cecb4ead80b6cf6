package vn.docaxis.edxml;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.ByteArrayOutputStream;
import java.util.Base64;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class StrictBase64DecoderTest {

    @Test
    void decodesWhateverTheChunkingAndLineBreaks() throws Exception {
        Random random = new Random(42);
        for (int size : new int[] {0, 1, 2, 3, 4, 57, 1000, 65537}) {
            byte[] data = new byte[size];
            random.nextBytes(data);
            String text = Base64.getMimeEncoder().encodeToString(data);
            for (int chunk : new int[] {1, 3, 7, 4096}) {
                assertArrayEquals(data, decode(text, chunk), "size " + size + " chunk " + chunk);
            }
        }
    }

    @Test
    void acceptsMissingAndPartialFinalPadding() throws Exception {
        assertArrayEquals(new byte[] {'a'}, decode("YQ", 10));
        assertArrayEquals(new byte[] {'a'}, decode("YQ=", 10));
        assertArrayEquals(new byte[] {'a', 'b'}, decode("YWI", 10));
    }

    @ParameterizedTest
    @ValueSource(strings = {"${__StringFromFile(test.txt,,,)}", "YQ==YQ==", "Y", "YQ=a", "=YQ", "YQ===", "ä123"})
    void refusesWhatIsNotBase64(String text) {
        assertThrows(StrictBase64Decoder.Base64Exception.class, () -> decode(text, 3));
    }

    private static byte[] decode(String text, int chunk) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        StrictBase64Decoder d = new StrictBase64Decoder(out);
        char[] chars = text.toCharArray();
        for (int i = 0; i < chars.length; i += chunk) {
            d.write(chars, i, Math.min(chunk, chars.length - i));
        }
        d.finish();
        return out.toByteArray();
    }
}
