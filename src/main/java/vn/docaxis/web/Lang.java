package vn.docaxis.web;

import java.util.Arrays;
import java.util.Optional;

/** The languages of the pages: Vietnamese first, English as a switch. */
public enum Lang {
    VI("vi"),
    EN("en");

    private final String tag;

    Lang(String tag) {
        this.tag = tag;
    }

    public String tag() {
        return tag;
    }

    public static Optional<Lang> of(String tag) {
        return Arrays.stream(values()).filter(l -> l.tag.equals(tag)).findFirst();
    }
}
