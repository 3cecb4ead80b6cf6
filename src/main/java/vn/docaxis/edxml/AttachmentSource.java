package vn.docaxis.edxml;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;

/** An attachment to write: its manifest data and where its bytes come from. */
public record AttachmentSource(String contentId, String attachmentName, String contentType, String description,
                               Content content) {

    /** The attachment's bytes, read once while the package is written. */
    @FunctionalInterface
    public interface Content {
        InputStream open() throws IOException;
    }

    public static AttachmentSource of(String contentId, String name, String contentType, byte[] bytes) {
        return new AttachmentSource(contentId, name, contentType, null, () -> new ByteArrayInputStream(bytes));
    }

    public static AttachmentSource of(String contentId, String name, String contentType, Path file) {
        return new AttachmentSource(contentId, name, contentType, null, () -> Files.newInputStream(file));
    }
}
