package vn.docaxis.web;

import java.util.Map;
import vn.docaxis.platform.PageView;

/** What pages do with what people type: trim it, keep it for the form, carry it to the next page. */
final class Forms {

    private Forms() {
    }

    /** What was typed, for showing it again in the form ("" when nothing). */
    static String value(String raw) {
        return raw == null ? "" : raw.strip();
    }

    /** What was typed, or null when nothing was: "no criterion". */
    static String blank(String raw) {
        return raw == null || raw.isBlank() ? null : raw.strip();
    }

    /** The criteria as a query string ending in '&', for the pager's links. */
    static String query(Map<String, String> form) {
        StringBuilder q = new StringBuilder();
        form.forEach((k, v) -> {
            if (!v.isEmpty()) {
                q.append(k).append('=').append(Formats.encoded(v)).append('&');
            }
        });
        return q.toString();
    }

    /** The previous page's number, or null on the first page (0 is a page number, so not falsy). */
    static Integer previous(PageView<?> result) {
        return result == null || result.page() == 0 ? null : result.page() - 1;
    }

    /** The next page's number, or null on the last page. */
    static Integer next(PageView<?> result) {
        return result == null || (long) (result.page() + 1) * result.size() >= result.total() ? null : result.page() + 1;
    }
}
