package vn.docaxis.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import vn.docaxis.edxml.StatusCode;
import vn.docaxis.evidence.EvidenceEvent;
import vn.docaxis.exchange.DeliveryEventType;
import vn.docaxis.exchange.DeliveryState;
import vn.docaxis.signature.ReasonCode;

/** Both languages say everything the templates ask for, and name every code the pages show. */
class PageTextsTest {

    static final Path TEMPLATES = Path.of("src/main/resources/templates/web");

    @Test
    void bothLanguagesHaveTheSameTextsBesideTheCodesOwnWords() {
        Set<String> vi = Texts.of(Lang.VI).keys().stream().filter(k -> !k.startsWith("reason.") && !k.startsWith("problem."))
                .collect(Collectors.toCollection(TreeSet::new));
        // English uses the codes' own descriptions; Vietnamese has the QCVN names of statuses on StatusCode
        Set<String> en = Texts.of(Lang.EN).keys().stream().filter(k -> !k.startsWith("status."))
                .collect(Collectors.toCollection(TreeSet::new));
        assertEquals(vi, en);
    }

    @Test
    void everyTextATemplateNamesExistsInBothLanguages() throws IOException {
        Pattern plain = Pattern.compile("\\{t\\.([a-z_]+)}");
        Pattern called = Pattern.compile("t\\.(?:get|format)\\('([a-z_]+)'");
        Set<String> used = new TreeSet<>();
        try (Stream<Path> files = Files.list(TEMPLATES)) {
            for (Path file : files.toList()) {
                String text = Files.readString(file);
                for (Pattern p : new Pattern[] {plain, called}) {
                    Matcher m = p.matcher(text);
                    while (m.find()) {
                        used.add(m.group(1));
                    }
                }
            }
        }
        assertTrue(used.size() > 100, "found only " + used);
        for (Lang lang : Lang.values()) {
            for (String key : used) {
                Texts.of(lang).get(key); // throws when missing
            }
        }
    }

    @Test
    void everyCodeThePagesShowHasWordsInVietnamese() {
        Texts vi = Texts.of(Lang.VI);
        for (ReasonCode code : ReasonCode.values()) {
            assertTrue(vi.has("reason", code), "no Vietnamese words for " + code);
        }
        for (DeliveryState state : DeliveryState.values()) {
            assertTrue(vi.has("state", state), "state " + state);
        }
        for (String state : DocumentPages.STATES) {
            assertTrue(vi.has("state", state), "state " + state);
        }
        for (DeliveryEventType type : DeliveryEventType.values()) {
            assertTrue(vi.has("event", type), "event " + type);
        }
        for (EvidenceEvent event : EvidenceEvent.values()) {
            assertTrue(vi.has("evidence", event), "evidence " + event);
        }
        for (StatusCode status : StatusCode.values()) {
            assertEquals(status.vietnamese(), vi.status(status.wire()));
            assertTrue(Texts.of(Lang.EN).has("status", status.wire()), "English name of status " + status.wire());
        }
    }

    @Test
    void aMissingTextFailsThePageInsteadOfShowingNothing() {
        org.junit.jupiter.api.Assertions.assertThrows(IllegalStateException.class, () -> Texts.of(Lang.VI).get("no_such_text"));
    }
}
