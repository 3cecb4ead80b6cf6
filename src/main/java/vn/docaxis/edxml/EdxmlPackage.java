package vn.docaxis.edxml;

import java.util.List;

/**
 * A parsed package: exactly one of {@code document} and {@code status} is set, per {@code kind}.
 * Immutable; the attachments' files live as long as the {@link ParsedPackage} holding it.
 */
public record EdxmlPackage(PackageKind kind, DocumentHeader document, StatusHeader status,
                           List<ManifestReference> manifest, List<Attachment> attachments,
                           SignatureForm envelopeSignature) {

    /** {@code From}, whatever the kind. */
    public Organization from() {
        return kind == PackageKind.DOCUMENT ? document.from() : status.from();
    }
}
