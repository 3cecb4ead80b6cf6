package vn.docaxis.edxml;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;

/** A package read from its bytes, owning the temporary files of its attachments until closed. */
public final class ParsedPackage implements AutoCloseable {

    private final EdxmlPackage content;
    private final Path workDir;

    ParsedPackage(EdxmlPackage content, Path workDir) {
        this.content = content;
        this.workDir = workDir;
    }

    public EdxmlPackage content() {
        return content;
    }

    @Override
    public void close() {
        deleteTree(workDir);
    }

    static void deleteTree(Path dir) {
        if (dir == null || !Files.exists(dir)) {
            return;
        }
        try (Stream<Path> files = Files.walk(dir)) {
            files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            // temporary files; the spool directory is swept at start
        }
    }
}
