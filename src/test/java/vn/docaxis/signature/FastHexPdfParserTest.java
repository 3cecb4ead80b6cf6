package vn.docaxis.signature;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Random;
import org.apache.pdfbox.cos.COSArray;
import org.apache.pdfbox.cos.COSBase;
import org.apache.pdfbox.cos.COSDictionary;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.cos.COSString;
import org.apache.pdfbox.io.RandomAccessReadBuffer;
import org.apache.pdfbox.pdfparser.PDFParser;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.junit.jupiter.api.Test;

/** The block-reading parser reads every string exactly as PDFBox's own parser does. */
class FastHexPdfParserTest {

    @Test
    void readsHexStringsAsPdfBoxDoes() throws Exception {
        String longHex = HexFormat.of().formatHex(random(20_000)); // crosses several read blocks
        List<String> strings = List.of("<>", "<4142>", "<41 42\n43\t44\r45\f46>", "<414>", "<41G242>", "<4 1>",
                "<aBcDeF>", "< >", "<" + longHex + ">", "<" + longHex + "7>", "(literal (nested) \\) string)",
                "<41>", "<42>");
        // tokens right after a string check that reading in blocks leaves the parser where PDFBox would
        String body = "[" + String.join("", strings) + "/Name<43>(x)<44>42]";
        List<byte[]> pdfBox = strings(parse(body, false));
        List<byte[]> fast = strings(parse(body, true));
        assertEquals(pdfBox.size(), fast.size());
        assertEquals(strings.size() + 5, fast.size());
        for (int i = 0; i < pdfBox.size(); i++) {
            assertArrayEquals(pdfBox.get(i), fast.get(i), "string " + i);
        }
        assertArrayEquals(HexFormat.of().parseHex(longHex), fast.get(8));
        assertArrayEquals(new byte[] {0x41, 0x40}, fast.get(3));
    }

    @Test
    void refusesAnUnclosedHexStringAsPdfBoxDoes() {
        assertThrows(IOException.class, () -> parse("[<4142", true));
    }

    @Test
    void recordsWhereEachLongRunOfDigitsLies() throws Exception {
        String digits = HexFormat.of().formatHex(random(300));
        String spaced = digits.substring(0, 100) + " " + digits.substring(100);
        String array = "[<" + digits + "> <" + spaced + "> <4142>]";
        byte[] pdf = pdfWithCatalogEntry(array);
        FastHexPdfParser parser = new FastHexPdfParser(new RandomAccessReadBuffer(pdf));
        try (PDDocument document = parser.parse(false)) {
            COSArray strings = (COSArray) document.getDocumentCatalog().getCOSObject()
                    .getDictionaryObject(COSName.getPDFName("Test"));
            int start = new String(pdf, StandardCharsets.ISO_8859_1).indexOf("<" + digits + ">");
            assertArrayEquals(new long[] {start, start + digits.length() + 2}, parser.placeOf((COSString) strings.get(0)));
            assertNull(parser.placeOf((COSString) strings.get(1)), "whitespace inside: the bytes must be compared");
            assertNull(parser.placeOf((COSString) strings.get(2)), "short strings are not recorded");
        }
    }

    /** The elements of the array in the catalog's /Test entry, strings as bytes, other objects as their text. */
    private static List<byte[]> strings(COSArray array) {
        List<byte[]> values = new ArrayList<>();
        for (COSBase element : array) {
            values.add(element instanceof COSString s ? s.getBytes() : element.toString().getBytes(StandardCharsets.UTF_8));
        }
        return values;
    }

    private static COSArray parse(String array, boolean fast) throws IOException {
        byte[] pdf = pdfWithCatalogEntry(array);
        RandomAccessReadBuffer source = new RandomAccessReadBuffer(pdf);
        PDFParser parser = fast ? new FastHexPdfParser(source) : new PDFParser(source);
        try (PDDocument document = parser.parse(false)) {
            COSDictionary catalog = document.getDocumentCatalog().getCOSObject();
            return (COSArray) catalog.getDictionaryObject(COSName.getPDFName("Test"));
        }
    }

    /** A one-page PDF, written byte by byte, whose catalog carries {@code /Test array}. */
    private static byte[] pdfWithCatalogEntry(String array) {
        List<String> objects = List.of(
                "<< /Type /Catalog /Pages 2 0 R /Test " + array + " >>",
                "<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
                "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] >>");
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        write(out, "%PDF-1.7\n");
        List<Integer> offsets = new ArrayList<>();
        for (int i = 0; i < objects.size(); i++) {
            offsets.add(out.size());
            write(out, (i + 1) + " 0 obj\n" + objects.get(i) + "\nendobj\n");
        }
        int xref = out.size();
        StringBuilder table = new StringBuilder("xref\n0 " + (objects.size() + 1) + "\n0000000000 65535 f \n");
        for (int offset : offsets) {
            table.append(String.format("%010d 00000 n \n", offset));
        }
        write(out, table + "trailer\n<< /Size " + (objects.size() + 1) + " /Root 1 0 R >>\nstartxref\n" + xref + "\n%%EOF\n");
        return out.toByteArray();
    }

    private static void write(ByteArrayOutputStream out, String text) {
        out.writeBytes(text.getBytes(StandardCharsets.ISO_8859_1));
    }

    private static byte[] random(int n) {
        byte[] bytes = new byte[n];
        new Random(3).nextBytes(bytes);
        return bytes;
    }
}
