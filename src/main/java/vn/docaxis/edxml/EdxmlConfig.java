package vn.docaxis.edxml;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** Bounds on what reading one package may cost, whatever the sender wrote. */
@ConfigMapping(prefix = "docaxis.edxml")
public interface EdxmlConfig {

    /** Deepest element nesting accepted. */
    @WithDefault("64")
    int maxDepth();

    /** Most elements in one package. */
    @WithDefault("100000")
    int maxElements();

    /** Longest text of one header element, in characters (attachments excepted). */
    @WithDefault("65536")
    int maxFieldChars();

    /** Most header text in all, in characters (attachments excepted). */
    @WithDefault("4194304")
    int maxHeaderChars();

    /** Most attachments in one package. */
    @WithDefault("200")
    int maxAttachments();

    /** Largest attachment after base64 decoding, in bytes. */
    @WithDefault("104857600")
    long maxAttachmentBytes();

    /** Most entries in a zipped attachment. */
    @WithDefault("100")
    int maxZipEntries();

    /** Largest file inside a zipped attachment, in bytes (zip-bomb bound). */
    @WithDefault("209715200")
    long maxUnzippedBytes();

    /** Largest expansion ratio of a zipped attachment beyond 1 MiB (zip-bomb bound). */
    @WithDefault("200")
    int maxZipRatio();

    /** Also validate every package against the XSDs of schemas/ (strict mode). */
    @WithDefault("false")
    boolean strict();
}
