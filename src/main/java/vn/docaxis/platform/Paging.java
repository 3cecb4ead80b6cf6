package vn.docaxis.platform;

import java.util.Map;

/** Validated page parameters of a listing; {@code page} counts from 0. */
public record Paging(int page, int size) {

    public static final int DEFAULT_SIZE = 50;
    public static final int MAX_SIZE = 500;

    /** Parses the raw query parameters, so that "abc" is a 400 and not the 404 JAX-RS would answer. */
    public static Paging of(String page, String size) {
        int p = QueryParams.integer("page", page, 0);
        int s = QueryParams.integer("size", size, DEFAULT_SIZE);
        if (p < 0) {
            throw new ProblemException(ErrorCode.INVALID_PARAMETER, "page must be 0 or more", Map.of("parameter", "page"));
        }
        if (s < 1 || s > MAX_SIZE) {
            throw new ProblemException(ErrorCode.INVALID_PARAMETER, "size must be between 1 and " + MAX_SIZE,
                    Map.of("parameter", "size"));
        }
        return new Paging(p, s);
    }
}
