package vn.docaxis.signature;

import java.util.Arrays;

/** ASCII hex digits by table: the signature values of PDFs are long runs of them. */
final class HexDigits {

    private static final byte[] VALUES = new byte[256];

    static {
        Arrays.fill(VALUES, (byte) -1);
        for (int i = 0; i < 16; i++) {
            VALUES[Character.forDigit(i, 16)] = (byte) i;
            VALUES[Character.toUpperCase(Character.forDigit(i, 16))] = (byte) i;
        }
    }

    private HexDigits() {
    }

    /** The value of the byte {@code c} (0-255) as a hex digit, or -1. */
    static int value(int c) {
        return VALUES[c];
    }
}
