package vn.docaxis.vdxp;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import vn.docaxis.platform.ErrorCode;
import vn.docaxis.support.Readme;

class VdxpErrorTest {

    @Test
    void theReadmeListsEveryVdxpErrorCodeWithItsMeaning() throws Exception {
        String table = Readme.table("| `ErrorCode` | meaning |");
        Matcher row = Pattern.compile("^\\| `(\\d+)` \\| (.+) \\(`([A-Z_]+)`\\) \\|$", Pattern.MULTILINE).matcher(table);
        Map<String, String> listed = new LinkedHashMap<>();
        while (row.find()) {
            listed.put(row.group(1), row.group(3) + ": " + row.group(2));
        }
        Map<String, String> declared = new LinkedHashMap<>();
        Arrays.stream(VdxpError.values()).forEach(e -> declared.put(e.wire(), e.name() + ": " + e.description()));
        assertEquals(declared, listed, "README VDXP error table and VdxpError differ");
    }

    @Test
    void codesAreUniqueAndEveryRefusalOfTheServicesHasOne() {
        assertEquals(VdxpError.values().length, Arrays.stream(VdxpError.values()).map(VdxpError::wire).distinct().count());
        for (ErrorCode code : ErrorCode.values()) {
            VdxpError error = VdxpError.of(code);
            assertEquals(code.status() >= 500, error == VdxpError.INTERNAL_ERROR || error == VdxpError.UNAVAILABLE,
                    code + " → " + error);
        }
    }

    @Test
    void theSdkHashDropsTheLeadingZeroOfEachByte() {
        assertEquals("a0f1b", VdxpCalls.sdkHex("0a00f10b"));
    }
}
