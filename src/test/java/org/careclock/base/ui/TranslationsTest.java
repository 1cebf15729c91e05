package org.careclock.base.ui;

import com.vaadin.flow.component.UI;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Properties;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/** The bundles agree: the same keys, the same placeholders, and every key the code asks for exists. */
class TranslationsTest {

    private static final Pattern PLACEHOLDER = Pattern.compile("\\{(\\d+|[a-z]+)[,}]");
    /** A literal key handed to getTranslation(…) or Translations.t(…)/text(…, …). */
    private static final Pattern USED_KEY = Pattern.compile(
            "(?:getTranslation|Translations\\.t|Translations\\.text\\([^,]+,)\\(?\\s*\"([a-z][a-z0-9.-]*)\"");

    static Properties bundle(String suffix) throws IOException {
        Properties p = new Properties();
        try (InputStream in = TranslationsTest.class.getResourceAsStream("/vaadin-i18n/translations" + suffix + ".properties");
             Reader reader = new InputStreamReader(in, StandardCharsets.UTF_8)) {
            p.load(reader);
        }
        return p;
    }

    @Test
    void english_and_german_have_the_same_keys() throws IOException {
        Set<String> english = bundle("").stringPropertyNames();
        Set<String> german = bundle("_de").stringPropertyNames();
        assertThat(new TreeSet<>(german)).as("keys only one bundle has").isEqualTo(new TreeSet<>(english));
    }

    @Test
    void every_text_has_the_same_placeholders_in_both_languages_and_none_is_empty() throws IOException {
        Properties english = bundle("");
        Properties german = bundle("_de");
        TreeMap<String, String> differing = new TreeMap<>();
        for (String key : english.stringPropertyNames()) {
            String de = german.getProperty(key, "");
            if (!placeholders(english.getProperty(key)).equals(placeholders(de)) || de.isBlank()) {
                differing.put(key, english.getProperty(key) + " | " + de);
            }
        }
        assertThat(differing).isEmpty();
    }

    @Test
    void every_key_the_code_asks_for_is_in_the_bundles() throws IOException {
        Set<String> known = bundle("").stringPropertyNames();
        Set<String> missing = new TreeSet<>();
        try (Stream<Path> files = Files.walk(Path.of("src/main/java"))) {
            for (Path file : files.filter(f -> f.toString().endsWith(".java")).toList()) {
                Matcher m = USED_KEY.matcher(Files.readString(file));
                while (m.find()) {
                    // A key ending in "." or "-" is a prefix completed at run time (end-reason.TIMER_EXPIRED).
                    String key = m.group(1);
                    if (!key.endsWith(".") && !key.endsWith("-") && !known.contains(key)) {
                        missing.add(file.getFileName() + ": " + key);
                    }
                }
            }
        }
        assertThat(missing).isEmpty();
    }

    @Test
    void a_missing_key_shows_as_a_marker_and_an_unknown_language_reads_english() {
        assertThat(Translations.text(Locale.GERMAN, "no.such.key")).isEqualTo("!{no.such.key}!");
        assertThat(Translations.text(Locale.GERMAN, "idle.stay")).isEqualTo("Bleiben");
        assertThat(Translations.text(Locale.FRENCH, "idle.stay")).isEqualTo("Stay");
        assertThat(Translations.text(Locale.GERMAN, "clock.alert", Durations.spoken(120, Locale.GERMAN)))
                .isEqualTo("Noch 2 Minuten");
    }

    @Test
    void a_services_fixed_message_reads_in_german_and_others_stay_as_they_are() {
        String english = "You cannot disable your own account";
        assertThat(Translations.text(Locale.GERMAN, Translations.messageKey(english)))
                .isEqualTo("Sie können Ihr eigenes Konto nicht deaktivieren");
        assertThat(Translations.messageKey("User bill does not exist")).isEqualTo("message.user-bill-does-not-exist");
        UI ui = new UI();
        ui.setLocale(Locale.GERMAN);
        UI.setCurrent(ui);
        try {
            assertThat(Translations.message("User bill does not exist")).isEqualTo("Den Benutzer bill gibt es nicht");
            assertThat(Translations.message("Call type appointment is used by 3 appointments and cannot be deleted"))
                    .isEqualTo("Die Terminart appointment wird von 3 Terminen verwendet und kann nicht gelöscht werden");
            assertThat(Translations.message("You cannot disable your own account"))
                    .isEqualTo("Sie können Ihr eigenes Konto nicht deaktivieren");
            assertThat(Translations.message("Something no bundle knows")).isEqualTo("Something no bundle knows");
        } finally {
            UI.setCurrent(null);
        }
    }

    private static Set<String> placeholders(String text) {
        Set<String> out = new TreeSet<>();
        Matcher m = PLACEHOLDER.matcher(text);
        while (m.find()) {
            out.add(m.group(1));
        }
        return out;
    }
}
