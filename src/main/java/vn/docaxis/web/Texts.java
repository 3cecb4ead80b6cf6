package vn.docaxis.web;

import io.quarkus.qute.TemplateData;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.EnumMap;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import vn.docaxis.edxml.StatusCode;
import vn.docaxis.edxml.WireCode;
import vn.docaxis.platform.ErrorCode;
import vn.docaxis.signature.ReasonCode;

/**
 * The words of the pages in one language, from {@code web/texts_vi.properties} and
 * {@code web/texts_en.properties} (UTF-8). Templates read a text as {@code {t.key}}
 * ({@link TextsResolver}) and the name of a code as {@code {t.label('state', d.state)}}.
 * An unknown key is a programming error and fails the page, so that a test finds it.
 */
@TemplateData
public final class Texts {

    private static final Map<Lang, Texts> ALL = new EnumMap<>(Lang.class);

    static {
        for (Lang lang : Lang.values()) {
            ALL.put(lang, new Texts(lang, load("web/texts_" + lang.tag() + ".properties")));
        }
    }

    private final Lang lang;
    private final Map<String, String> words;

    private Texts(Lang lang, Map<String, String> words) {
        this.lang = lang;
        this.words = words;
    }

    public static Texts of(Lang lang) {
        return ALL.get(lang);
    }

    public Lang lang() {
        return lang;
    }

    public String get(String key) {
        String text = words.get(key);
        if (text == null) {
            throw new IllegalStateException("No text '" + key + "' in " + lang.tag());
        }
        return text;
    }

    /** The words for a code of some kind ({@code state.PENDING}); the code itself when there are none. */
    public String label(String kind, Object code) {
        if (code == null) {
            return "";
        }
        String text = words.get(kind + "." + code);
        return text == null ? code.toString() : text;
    }

    /** The words for a reason code; in English its description in {@link ReasonCode}. */
    public String reason(ReasonCode code) {
        String text = words.get("reason." + code);
        return text == null ? code.description() : text;
    }

    /**
     * What a refusal's code means: a signature reason code, or the problem code of the refusal
     * (Vietnamese words where the texts have them, else the problem's English title).
     */
    public String refusal(String code) {
        for (ReasonCode reason : ReasonCode.values()) {
            if (reason.name().equals(code)) {
                return reason(reason);
            }
        }
        String text = words.get("problem." + code);
        if (text != null) {
            return text;
        }
        for (ErrorCode problem : ErrorCode.values()) {
            if (problem.name().equals(code)) {
                return problem.title();
            }
        }
        return code;
    }

    /** The name of a business status (01, 02…): in Vietnamese, QCVN 102's own. */
    public String status(String wire) {
        if (wire == null) {
            return "";
        }
        if (lang == Lang.VI) {
            return WireCode.fromWire(StatusCode.class, wire).map(StatusCode::vietnamese).orElse(wire);
        }
        return label("status", wire);
    }

    /** Whether a code of some kind has words of its own. */
    public boolean has(String kind, Object code) {
        return code != null && words.containsKey(kind + "." + code);
    }

    /** A text with its {0}, {1}… replaced. */
    public String format(String key, Object... args) {
        String text = get(key);
        for (int i = 0; i < args.length; i++) {
            text = text.replace("{" + i + "}", String.valueOf(args[i]));
        }
        return text;
    }

    Set<String> keys() {
        return new TreeSet<>(words.keySet());
    }

    private static Map<String, String> load(String resource) {
        Properties p = new Properties();
        try (InputStream in = Texts.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("Missing " + resource);
            }
            p.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Map<String, String> words = new java.util.HashMap<>();
        p.forEach((k, v) -> words.put((String) k, (String) v));
        return Map.copyOf(words);
    }
}
