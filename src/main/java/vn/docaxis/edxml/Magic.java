package vn.docaxis.edxml;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;

/** File types told by their first bytes: labels in packages are not to be trusted. */
public final class Magic {

    private static final byte[] ZIP = {'P', 'K', 3, 4};
    private static final byte[] PDF = {'%', 'P', 'D', 'F', '-'};

    private Magic() {
    }

    public static boolean isZip(Path file) {
        return startsWith(file, ZIP);
    }

    public static boolean isPdf(Path file) {
        return startsWith(file, PDF);
    }

    private static boolean startsWith(Path file, byte[] magic) {
        try (InputStream in = Files.newInputStream(file)) {
            byte[] head = in.readNBytes(magic.length);
            return Arrays.equals(head, magic);
        } catch (IOException e) {
            return false;
        }
    }
}
