package vn.docaxis.agency;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

class AgencyCodeTest {

    @ParameterizedTest
    @ValueSource(strings = {"000.00.00.G22", "000.00.18.G12", "002.00.20.H13", "999.99.99.Z99", "001.00.20.JB2"})
    void acceptsQcvn102Codes(String code) {
        AgencyCode parsed = AgencyCode.parse(code);
        assertEquals(code, parsed.value());
        assertFalse(parsed.legacy());
    }

    @ParameterizedTest
    @ValueSource(strings = {"28.22.H17", "01.02.G22", "22.H17", "G22"})
    void acceptsAndFlagsLegacyShortCodes(String code) {
        AgencyCode parsed = AgencyCode.parse(code);
        assertTrue(parsed.legacy(), code + " should be flagged legacy");
        assertEquals(Optional.empty(), parsed.derivedParent(), "a legacy code has no derivable parent");
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = {"000.00.00.g22", "00.000.00.G22", "000.00.00.G2", "000.00.00.222", "000.00.00.G222",
            "0000.00.00.G22", "000.00.00 G22", " 000.00.00.G22", "000.00.00.G22 ", "000,00,00,G22", "000.00.00.",
            "1.2.3.4.H17", "abc", "000.00.00.G22.000", "000.0a.00.G22", "<script>"})
    void refusesMalformedCodes(String code) {
        AgencyCode.InvalidAgencyCodeException e = assertThrows(AgencyCode.InvalidAgencyCodeException.class,
                () -> AgencyCode.parse(code));
        assertTrue(e.getMessage().contains("not an agency code"), e.getMessage());
        assertFalse(AgencyCode.isValid(code));
    }

    @ParameterizedTest
    @CsvSource({
            "000.00.18.G12, 000.00.00.G12",
            "002.00.20.H13, 000.00.20.H13",
            "000.00.20.H13, 000.00.00.H13",
            "001.05.00.H41, 000.05.00.H41",
            "000.05.00.H41, 000.00.00.H41",
            "123.45.67.G01, 000.45.67.G01"})
    void derivesTheParentByZeroingTheLeftmostNonZeroLevel(String child, String parent) {
        assertEquals(Optional.of(new AgencyCode(parent, false)), AgencyCode.parse(child).derivedParent());
    }

    @ParameterizedTest
    @ValueSource(strings = {"000.00.00.G22", "000.00.00.H41"})
    void topLevelCodesHaveNoParent(String code) {
        assertEquals(Optional.empty(), AgencyCode.parse(code).derivedParent());
    }

    @Test
    void lineageWalksUpToTheTop() {
        assertEquals(List.of("002.00.20.H13", "000.00.20.H13", "000.00.00.H13"),
                AgencyService.derivedLineage(AgencyCode.parse("002.00.20.H13")));
        assertEquals(List.of("000.00.00.G22"), AgencyService.derivedLineage(AgencyCode.parse("000.00.00.G22")));
    }
}
