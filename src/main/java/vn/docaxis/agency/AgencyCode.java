package vn.docaxis.agency;

import java.util.Optional;
import java.util.regex.Pattern;

/**
 * An agency identifier code (mã định danh) of QCVN 102:2016: {@code ddd.dd.dd.Ldd}, level 4 to
 * level 1 from left to right, unused levels zero. A child keeps its parent's right-hand levels
 * and fills the next level to the left, so the parent is found by zeroing the leftmost non-zero
 * level.
 *
 * <p>Shorter codes such as {@code 28.22.H17} appear in real packages: they are <em>legacy</em>,
 * kept as they are, and their parent cannot be derived.
 *
 * <p>Level 1 is a letter and two characters; official lists use two digits, but real samples
 * carry forms such as {@code JB2}, so letters are tolerated there.
 */
public record AgencyCode(String value, boolean legacy) {

    public static final int MAX_LENGTH = 13;

    private static final Pattern STANDARD = Pattern.compile("\\d{3}\\.\\d{2}\\.\\d{2}\\.[A-Z][0-9A-Z]{2}");
    private static final Pattern LEGACY = Pattern.compile("(\\d{1,3}\\.){0,2}[A-Z][0-9A-Z]{2}");

    /** Parses a code, or explains why it is not one. */
    public static AgencyCode parse(String raw) {
        if (raw == null || raw.isEmpty()) {
            throw new InvalidAgencyCodeException(raw, "the code is empty");
        }
        if (raw.length() > MAX_LENGTH) {
            throw new InvalidAgencyCodeException(raw, "longer than " + MAX_LENGTH + " characters");
        }
        if (STANDARD.matcher(raw).matches()) {
            return new AgencyCode(raw, false);
        }
        if (LEGACY.matcher(raw).matches()) {
            return new AgencyCode(raw, true);
        }
        throw new InvalidAgencyCodeException(raw, "expected ddd.dd.dd.Ldd (e.g. 000.00.00.G22) "
                + "or a legacy short code (e.g. 28.22.H17)");
    }

    public static boolean isValid(String raw) {
        try {
            parse(raw);
            return true;
        } catch (InvalidAgencyCodeException e) {
            return false;
        }
    }

    /** The parent by the QCVN 102 rule; empty for a top-level code and for a legacy one. */
    public Optional<AgencyCode> derivedParent() {
        if (legacy) {
            return Optional.empty();
        }
        String[] levels = value.split("\\.");
        for (int i = 0; i < 3; i++) {
            if (!levels[i].chars().allMatch(c -> c == '0')) {
                levels[i] = "0".repeat(levels[i].length());
                return Optional.of(new AgencyCode(String.join(".", levels), false));
            }
        }
        return Optional.empty();
    }

    @Override
    public String toString() {
        return value;
    }

    /** A string that is not an agency code, with the reason in words. */
    public static class InvalidAgencyCodeException extends RuntimeException {
        private final String input;

        public InvalidAgencyCodeException(String input, String reason) {
            super("'" + input + "' is not an agency code: " + reason, null, false, false);
            this.input = input;
        }

        public String input() {
            return input;
        }
    }
}
