package vn.docaxis.edxml;

/** The bounds of {@link EdxmlConfig} as a value, so the reader works with or without CDI. */
public record Limits(int maxDepth, int maxElements, int maxFieldChars, int maxHeaderChars, int maxAttachments,
                     long maxAttachmentBytes, int maxZipEntries, long maxUnzippedBytes, int maxZipRatio) {

    public static Limits of(EdxmlConfig c) {
        return new Limits(c.maxDepth(), c.maxElements(), c.maxFieldChars(), c.maxHeaderChars(), c.maxAttachments(),
                c.maxAttachmentBytes(), c.maxZipEntries(), c.maxUnzippedBytes(), c.maxZipRatio());
    }

    public static Limits defaults() {
        return new Limits(64, 100_000, 65_536, 4_194_304, 200, 104_857_600L, 100, 209_715_200L, 200);
    }
}
