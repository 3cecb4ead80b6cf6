package vn.docaxis.signature;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import vn.docaxis.support.Readme;

class ReasonCodeTest {

    @Test
    void theReadmeListsEveryReasonCodeWithItsMeaning() throws Exception {
        String table = Readme.table("| reason | meaning |");
        Matcher row = Pattern.compile("^\\| `([A-Z0-9_]+)` \\| (.+) \\|$", Pattern.MULTILINE).matcher(table);
        Map<String, String> listed = new LinkedHashMap<>();
        while (row.find()) {
            listed.put(row.group(1), row.group(2));
        }
        Map<String, String> declared = new LinkedHashMap<>();
        Arrays.stream(ReasonCode.values()).forEach(c -> declared.put(c.name(), c.description()));
        assertEquals(declared, listed, "README reason table and ReasonCode differ");
    }
}
