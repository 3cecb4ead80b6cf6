package vn.docaxis.platform;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.HashSet;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import vn.docaxis.support.Readme;

class ErrorCodeTest {

    @Test
    void theReadmeListsExactlyTheErrorCodesWithTheirStatus() throws Exception {
        String table = Readme.table("| code | status | meaning |");
        Matcher row = Pattern.compile("^\\| `([A-Z0-9_]+)` \\| (\\d{3}) \\|", Pattern.MULTILINE).matcher(table);
        Set<String> listed = new TreeSet<>();
        while (row.find()) {
            ErrorCode code = ErrorCode.valueOf(row.group(1));
            assertEquals(code.status(), Integer.parseInt(row.group(2)), "README status of " + code);
            listed.add(code.name());
        }
        Set<String> declared = Arrays.stream(ErrorCode.values()).map(Enum::name).collect(Collectors.toCollection(TreeSet::new));
        assertEquals(declared, listed, "README error table and ErrorCode differ");
    }

    @Test
    void everyUnavailableOrBusyAnswerSaysWhenToComeBack() {
        for (ErrorCode code : ErrorCode.values()) {
            String retryAfter = Problems.response(code, "detail", "/api/v1/packages").getHeaderString("Retry-After");
            assertEquals(code.status() == 503 ? "5" : null, retryAfter, code.name());
        }
    }

    @Test
    void everyCodeHasAProblemTypeOfItsOwnAndAClientOrServerStatus() {
        Set<String> types = new HashSet<>();
        for (ErrorCode code : ErrorCode.values()) {
            assertTrue(types.add(Problem.typeOf(code)), "duplicate type for " + code);
            assertTrue(code.status() >= 400 && code.status() < 600, code + " has status " + code.status());
            assertTrue(code.status() < 500 || Set.of(ErrorCode.INTERNAL_ERROR, ErrorCode.SERVICE_UNAVAILABLE,
                    ErrorCode.SERVICE_BUSY).contains(code), "only platform failures are 5xx: " + code);
        }
    }
}
