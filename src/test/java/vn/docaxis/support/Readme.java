package vn.docaxis.support;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** The README's tables, for tests that keep them equal to the code they document. */
public final class Readme {

    private Readme() {
    }

    /** The table whose header row is {@code header}, up to the blank line that ends it. */
    public static String table(String header) throws IOException {
        String readme = Files.readString(Path.of(System.getProperty("docaxis.basedir", ".")).resolve("README.md"));
        int start = readme.indexOf(header);
        if (start < 0) {
            throw new AssertionError("README has no table headed " + header);
        }
        int end = readme.indexOf("\n\n", start);
        return readme.substring(start, end < 0 ? readme.length() : end);
    }
}
