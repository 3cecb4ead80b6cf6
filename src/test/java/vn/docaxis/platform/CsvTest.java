package vn.docaxis.platform;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import org.junit.jupiter.api.Test;

class CsvTest {

    @Test
    void readsQuotedFieldsWithCommasQuotesAndLineBreaks() {
        List<Csv.Record> records = Csv.parse("\uFEFFcode,name\r\n"
                + "000.00.00.G22,\"Văn phòng, Chính phủ\"\r\n"
                + "\r\n"
                + "000.00.00.G12,\"Bộ \"\"Tài chính\"\"\nTầng 2\"\n"
                + "000.00.00.H41,\n");
        assertEquals(4, records.size());
        assertEquals(new Csv.Record(1, List.of("code", "name")), records.get(0));
        assertEquals(new Csv.Record(2, List.of("000.00.00.G22", "Văn phòng, Chính phủ")), records.get(1));
        assertEquals(new Csv.Record(4, List.of("000.00.00.G12", "Bộ \"Tài chính\"\nTầng 2")), records.get(2));
        assertEquals(new Csv.Record(6, List.of("000.00.00.H41", "")), records.get(3));
    }

    @Test
    void lastLineWithoutLineEndIsRead() {
        assertEquals(List.of(new Csv.Record(1, List.of("a", "b"))), Csv.parse("a,b"));
    }

    @Test
    void refusesAnUnclosedQuote() {
        ProblemException e = assertThrows(ProblemException.class, () -> Csv.parse("code,name\n1,\"open\n"));
        assertEquals(ErrorCode.MALFORMED_CSV, e.code());
        assertEquals(2, e.extensions().get("line"));
    }

    @Test
    void refusesAQuoteInsideAnUnquotedField() {
        ProblemException e = assertThrows(ProblemException.class, () -> Csv.parse("code,name\n1,ab\"c\n"));
        assertEquals(ErrorCode.MALFORMED_CSV, e.code());
    }

    @Test
    void refusesTextAfterAClosingQuote() {
        ProblemException e = assertThrows(ProblemException.class, () -> Csv.parse("\"a\"b,c\n"));
        assertEquals(ErrorCode.MALFORMED_CSV, e.code());
    }
}
