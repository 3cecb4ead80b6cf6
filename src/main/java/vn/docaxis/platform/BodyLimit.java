package vn.docaxis.platform;

/** A feature's own body limit for the endpoints under a path prefix (see {@link RequestSizeLimits}). */
public interface BodyLimit {

    String pathPrefix();

    long maxBytes();
}
