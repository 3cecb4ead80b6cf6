package vn.docaxis.platform;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * RFC 4180 CSV: comma-separated, fields optionally in double quotes (a quote inside doubled),
 * CRLF or LF line ends, a leading UTF-8 BOM ignored. Blank lines are skipped.
 */
public final class Csv {

    /** One record with the line it starts on (1 = the header), for error messages. */
    public record Record(int line, List<String> fields) {
    }

    private Csv() {
    }

    /** Strict UTF-8: a file saved in another encoding is refused, not silently garbled. */
    public static String decodeUtf8(byte[] bytes) {
        try {
            return StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes)).toString();
        } catch (CharacterCodingException e) {
            throw new ProblemException(ErrorCode.MALFORMED_CSV, "The CSV is not UTF-8 text; save it as UTF-8");
        }
    }

    public static List<Record> parse(String text) {
        List<Record> records = new ArrayList<>();
        String s = text.startsWith("\uFEFF") ? text.substring(1) : text;
        int line = 1;
        int i = 0;
        int n = s.length();
        while (i < n) {
            int recordLine = line;
            List<String> fields = new ArrayList<>();
            StringBuilder field = new StringBuilder();
            boolean endOfRecord = false;
            while (!endOfRecord) {
                if (i < n && s.charAt(i) == '"') {
                    i++;
                    while (true) {
                        if (i >= n) {
                            throw new ProblemException(ErrorCode.MALFORMED_CSV,
                                    "Unclosed quoted field starting on line " + recordLine, Map.of("line", recordLine));
                        }
                        char c = s.charAt(i++);
                        if (c == '"') {
                            if (i < n && s.charAt(i) == '"') {
                                field.append('"');
                                i++;
                            } else {
                                break;
                            }
                        } else {
                            if (c == '\n') {
                                line++;
                            }
                            field.append(c);
                        }
                    }
                    if (i < n && s.charAt(i) != ',' && s.charAt(i) != '\r' && s.charAt(i) != '\n') {
                        throw new ProblemException(ErrorCode.MALFORMED_CSV,
                                "Text after a closing quote on line " + line, Map.of("line", line));
                    }
                } else {
                    while (i < n && s.charAt(i) != ',' && s.charAt(i) != '\r' && s.charAt(i) != '\n') {
                        char c = s.charAt(i++);
                        if (c == '"') {
                            throw new ProblemException(ErrorCode.MALFORMED_CSV,
                                    "A quote inside an unquoted field on line " + line, Map.of("line", line));
                        }
                        field.append(c);
                    }
                }
                fields.add(field.toString());
                field.setLength(0);
                if (i >= n) {
                    endOfRecord = true;
                } else if (s.charAt(i) == ',') {
                    i++;
                } else {
                    if (s.charAt(i) == '\r') {
                        i++;
                    }
                    if (i < n && s.charAt(i) == '\n') {
                        i++;
                    }
                    line++;
                    endOfRecord = true;
                }
            }
            boolean blank = fields.size() == 1 && fields.get(0).isBlank();
            if (!blank) {
                records.add(new Record(recordLine, List.copyOf(fields)));
            }
        }
        return records;
    }
}
