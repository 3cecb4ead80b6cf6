package vn.docaxis.edxml;

/** {@code edXMLManifest/Reference}: an attachment as the manifest announces it. */
public record ManifestReference(String contentId, String contentType, String description, String attachmentName) {
}
