package vn.docaxis.edxml;

import java.nio.file.Path;

/**
 * An attachment, decoded from base64 while the package was read.
 *
 * @param size bytes after base64 decoding: what the sender attached
 * @param sha256 SHA-256 (hex) of those bytes
 * @param decoded a temporary file holding those bytes (deleted with the {@link ParsedPackage})
 * @param zipped whether the bytes are a ZIP (sniffed by magic, whatever the labels say)
 * @param content the file itself: {@code decoded}, or the single file inside the ZIP
 * @param contentName the name of the file inside the ZIP, when zipped
 * @param problem why the attachment is unusable (bad base64, broken or oversized ZIP), or null
 */
public record Attachment(String contentId, String attachmentName, String description, String contentType, long size,
                         String sha256, Path decoded, boolean zipped, Path content, long contentSize,
                         String contentSha256, String contentName, String problem) {

    public boolean usable() {
        return problem == null;
    }

    /** Whether the content is a PDF, by its magic bytes. */
    public boolean isPdf() {
        return usable() && Magic.isPdf(content);
    }
}
