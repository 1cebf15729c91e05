package org.careclock.base.ui;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.i18n.I18NProvider;
import com.vaadin.flow.server.VaadinSession;
import org.springframework.stereotype.Component;

import java.text.MessageFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.MissingResourceException;
import java.util.ResourceBundle;

/**
 * Every text the pages show, from {@code vaadin-i18n/translations.properties} (English, also
 * the fallback) and {@code translations_de.properties} (German), keys prefixed by the view or
 * component that shows them ({@code call.}, {@code clock.}, {@code login.} …).
 * <p>
 * A Spring bean of our own rather than Vaadin's default provider (which reads the same files):
 * helpers that are no components (durations, times, the error handler) and plain unit tests
 * translate through the same static lookup; the provided languages are a list in code, which the
 * language menus offer; and a key missing from a bundle shows as {@code !{key}!}, which the
 * bundle tests look for, instead of silently falling back to English. To add a language, add
 * its bundle and its locale to {@link #LOCALES}.
 */
@Component
public class Translations implements I18NProvider {

    /** The languages CareClock speaks; the first is the default. */
    public static final List<Locale> LOCALES = List.of(Locale.ENGLISH, Locale.GERMAN);

    static final String BUNDLE = "vaadin-i18n.translations";

    private static final ResourceBundle.Control NO_FALLBACK = ResourceBundle.Control.getNoFallbackControl(
            ResourceBundle.Control.FORMAT_PROPERTIES);

    @Override
    public List<Locale> getProvidedLocales() {
        return LOCALES;
    }

    /**
     * The session's language where there is one: Vaadin writes it into the first page's
     * {@code <html lang>} before any view runs. Otherwise English.
     */
    @Override
    public Locale getDefaultLocale() {
        VaadinSession session = VaadinSession.getCurrent();
        Locale chosen = session != null && session.hasLock() ? session.getLocale() : null;
        return chosen == null ? LOCALES.getFirst() : supported(chosen);
    }

    @Override
    public String getTranslation(String key, Locale locale, Object... params) {
        return text(locale, key, params);
    }

    /** The text of {@code key} in {@code locale} (a language CareClock lacks: English), its {0}… filled in. */
    public static String text(Locale locale, String key, Object... params) {
        Locale language = supported(locale);
        String pattern;
        try {
            pattern = ResourceBundle.getBundle(BUNDLE, language, Translations.class.getClassLoader(), NO_FALLBACK)
                    .getString(key);
        } catch (MissingResourceException missing) {
            return "!{" + key + "}!";
        }
        return params.length == 0 ? pattern : new MessageFormat(pattern, language).format(params);
    }

    /** Every text whose key starts with {@code prefix}, in {@code locale}, keyed without the prefix (unformatted). */
    public static Map<String, String> all(Locale locale, String prefix) {
        ResourceBundle bundle = ResourceBundle.getBundle(BUNDLE, supported(locale), Translations.class.getClassLoader(),
                NO_FALLBACK);
        Map<String, String> out = new TreeMap<>();
        bundle.keySet().stream().filter(k -> k.startsWith(prefix))
                .forEach(k -> out.put(k.substring(prefix.length()), bundle.getString(k)));
        return out;
    }

    /** The text of {@code key} in the current page's language. */
    public static String t(String key, Object... params) {
        return text(current(), key, params);
    }

    /**
     * A service's message for people (a refusal, a rule broken) in the page's language: the
     * bundles hold the fixed ones under {@code message.} and the English words made a key
     * ("message.you-cannot-disable-your-own-account"), those with a name or number in them under
     * {@code message.with.} (matched by their English shape); any other stays as the service
     * wrote it, in English, as the API gives it too.
     */
    public static String message(String english) {
        if (english == null) {
            return "";
        }
        String text = text(current(), messageKey(english));
        if (!text.startsWith("!{")) {
            return text;
        }
        for (Map.Entry<String, Pattern> shape : SHAPES.entrySet()) {
            Matcher m = shape.getValue().matcher(english);
            if (m.matches()) {
                Object[] parts = new Object[m.groupCount()];
                for (int i = 0; i < parts.length; i++) {
                    parts[i] = m.group(i + 1);
                }
                return text(current(), shape.getKey(), parts);
            }
        }
        return english;
    }

    /**
     * Messages with a name or a number in them ("Role nurse does not exist"): the English texts
     * under {@code message.with.}, made patterns whose {0}, {1} … match any text.
     */
    private static final Map<String, Pattern> SHAPES = all(Locale.ENGLISH, "message.with.").entrySet().stream()
            .collect(Collectors.toMap(e -> "message.with." + e.getKey(), e -> shape(e.getValue())));

    private static Pattern shape(String english) {
        StringBuilder regex = new StringBuilder();
        Matcher placeholder = Pattern.compile("\\{\\d+}").matcher(english);
        int at = 0;
        while (placeholder.find()) {
            regex.append(Pattern.quote(english.substring(at, placeholder.start()))).append("(.+?)");
            at = placeholder.end();
        }
        return Pattern.compile(regex.append(Pattern.quote(english.substring(at))).toString());
    }

    /** The key under which the bundles translate a service's fixed message. */
    public static String messageKey(String english) {
        String slug = english.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-").replaceAll("^-|-$", "");
        return "message." + (slug.length() > 80 ? slug.substring(0, 80) : slug);
    }

    /** The language of the page being served: its UI's, else its session's, else English. */
    public static Locale current() {
        UI ui = UI.getCurrent();
        if (ui != null && ui.getLocale() != null) {
            return supported(ui.getLocale());
        }
        VaadinSession session = VaadinSession.getCurrent();
        return supported(session == null ? null : session.getLocale());
    }

    /** The provided locale with {@code locale}'s language, or English. */
    public static Locale supported(Locale locale) {
        if (locale == null) {
            return LOCALES.getFirst();
        }
        return LOCALES.stream().filter(l -> l.getLanguage().equals(locale.getLanguage())).findFirst()
                .orElse(LOCALES.getFirst());
    }
}
