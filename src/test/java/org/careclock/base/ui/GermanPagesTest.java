package org.careclock.base.ui;

import com.github.mvysny.kaributesting.v10.MockVaadin;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.server.VaadinService;
import com.vaadin.flow.server.VaadinSession;
import org.careclock.security.ui.LoginView;
import org.careclock.base.Actor;
import org.careclock.call.CallService;
import org.careclock.call.NewCall;
import org.careclock.calltype.CallTypeService;
import org.careclock.calltype.Capability;
import org.careclock.session.SessionTimerService;
import org.careclock.testing.KaribuTest;
import org.careclock.testing.TestCallTypes;
import org.careclock.user.RoleInfo;
import org.careclock.user.RoleService;
import org.careclock.user.UserInfo;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;

import static com.github.mvysny.kaributesting.v10.LocatorJ._click;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every page, for each role, in German: nothing a person reads is a missing key ("!{…}!"), a
 * text the English bundle holds but the German one words differently, or an English sentence
 * written into the code instead of the bundles. User data (names, titles, ids) is left out.
 */
class GermanPagesTest extends KaribuTest {

    /** Words German pages do not use; one of them in a text means English slipped through. */
    private static final Pattern ENGLISH = Pattern.compile("(?i)\\b(the|you|your|with|and|is|are|has|have|not|of|to|"
            + "this|that|when|will|may|can|cannot|for|from|by|at|or|yet|left|join|call|calls|appointment|appointments|"
            + "minute|minutes|hour|hours|seconds|save|cancel|delete|edit|new|sign|ends|until|nobody|waiting|there)\\b");

    @Autowired CallTypeService types;
    @Autowired CallService calls;
    @Autowired RoleService roles;
    @Autowired SessionTimerService timers;

    private final List<String> problems = new ArrayList<>();
    private final Set<String> data = new TreeSet<>();

    @AfterEach
    void forgetLanguages() {
        for (UserInfo u : users.list(Actor.api())) {
            users.setLanguage(Actor.api(), u.id(), null);
        }
    }

    /** Signs in a user whose remembered language is German: it applies on sign-in. */
    void inGerman(String user) {
        users.setLanguage(Actor.api(), user, "de");
        login(user);
        assertThat(UI.getCurrent().getLocale()).isEqualTo(Locale.GERMAN);
    }

    void look(String where) {
        MockVaadin.clientRoundtrip(false);
        for (String text : PageTexts.of(UI.getCurrent())) {
            check(where, text);
        }
    }

    void check(String where, String text) {
        if (text.contains("!{")) {
            problems.add(where + ": missing key: " + text);
            return;
        }
        if (englishOnly().contains(text)) {
            problems.add(where + ": English text: " + text);
            return;
        }
        String rest = text;
        for (String d : data) {
            rest = rest.replace(d, " ");
        }
        if (ENGLISH.matcher(rest).find()) {
            problems.add(where + ": reads English: " + text);
        }
    }

    @Test
    void every_page_reads_german_for_every_role() throws IOException {
        String type = freshId("de");
        types.create(Actor.api(), TestCallTypes.standard(type, 3600, 180, 60, 300));
        String id = freshId("besuch");
        calls.create(Actor.api(), new NewCall(type, id, "Kontrolle", List.of("dr-lecter", "bill"), "dr-lecter", null, null));
        users.list(Actor.api()).forEach(u -> {
            data.add(u.displayName());
            data.add(u.id());
        });
        // Roles the clinic added describe themselves in their own words; built-in ones are translated.
        roles.list().stream().filter(r -> !r.builtIn()).map(RoleInfo::description).forEach(data::add);
        calls.listAll(Actor.api()).forEach(c -> {
            data.add(c.displayName());
            data.add(c.cid());
            data.add(c.id());
            data.add(c.type());
        });
        types.list().forEach(t -> data.add(t.name()));
        // The API's names of capabilities are shown beside their German labels, on purpose.
        Arrays.stream(Capability.values()).forEach(c -> data.add(c.wireName()));
        data.removeIf(d -> d == null || d.isBlank());

        // A browser asking for German gets a session in German; the sign-in page is made in it.
        logout();
        VaadinSession.getCurrent().setLocale(Locale.GERMAN);
        UI.getCurrent().setLocale(Locale.GERMAN);
        LoginView signIn = VaadinService.getCurrent().getInstantiator().createRouteTarget(LoginView.class, null);
        PageTexts.of(signIn).forEach(text -> check("sign-in", text));

        inGerman("bill");
        UI.getCurrent().navigate("no-such-page");
        look("not found");

        for (String user : List.of("bill", "clarice", "dr-lecter")) {
            inGerman(user);
            UI.getCurrent().navigate("");
            look(user + ": my appointments");
        }

        inGerman("dr-lecter");
        UI.getCurrent().navigate("call/" + type + "/" + id);
        look("call page");
        scheduler.advance(Duration.ofSeconds(125));
        look("call page with the idle question");
        _click(_get(Button.class, spec -> spec.withId("idle-stay")));
        timers.join(actor("bill"), type, id, null);
        scheduler.advance(Duration.ofSeconds(2300));
        look("call page with an alert and an extension");
        _click(_get(Button.class, spec -> spec.withId("end-call")));
        look("end question");
        _click(_get(Button.class, spec -> spec.withId("confirm-end-call")));
        look("ended page");

        inGerman("admin");
        for (String page : List.of("admin/appointments", "admin/call-types", "admin/users", "admin/roles", "admin/audit",
                "admin/api")) {
            UI.getCurrent().navigate(page);
            look(page);
        }
        for (String[] dialog : new String[][]{{"admin/appointments", "new-appointment"}, {"admin/call-types", "new-call-type"},
                {"admin/users", "new-user"}, {"admin/roles", "new-role"}}) {
            UI.getCurrent().navigate(dialog[0]);
            _click(_get(Button.class, spec -> spec.withId(dialog[1])));
            look(dialog[0] + " " + dialog[1]);
            _get(Button.class, spec -> spec.withText(Translations.text(Locale.GERMAN, "dialog.cancel"))).click();
        }
        inGerman("admin");
        UI.getCurrent().navigate("admin/call-types");
        _click(_get(Button.class, spec -> spec.withId("new-call-type")));
        _click(_get(Button.class, spec -> spec.withId("save-call-type")));
        look("call type editor refusing an empty name");

        assertThat(problems).isEmpty();
    }

    @Test
    void the_language_picked_in_the_header_is_remembered_for_the_next_sign_in() {
        login("clarice");
        assertThat(UI.getCurrent().getLocale()).isEqualTo(Locale.ENGLISH);
        UI.getCurrent().navigate("");
        LanguageMenu menu = _get(LanguageMenu.class, spec -> spec.withId("language"));
        assertThat(menu.getValue()).isEqualTo(Locale.ENGLISH);
        com.github.mvysny.kaributesting.v10.LocatorJ._setValue(menu, Locale.GERMAN);
        assertThat(users.chosen(actor("clarice"))).contains("de");

        login("clarice");
        assertThat(UI.getCurrent().getLocale()).isEqualTo(Locale.GERMAN);
        UI.getCurrent().navigate("");
        assertThat(_get(com.vaadin.flow.component.html.H2.class).getText()).isEqualTo("Meine Termine");
    }

    private static Set<String> englishOnly;

    /** The English bundle's texts (without placeholders) that German words differently. */
    static Set<String> englishOnly() {
        if (englishOnly == null) {
            try {
                Properties en = TranslationsTest.bundle("");
                Properties de = TranslationsTest.bundle("_de");
                Set<String> out = new TreeSet<>();
                en.stringPropertyNames().stream().filter(k -> !en.getProperty(k).contains("{")
                        && !en.getProperty(k).equals(de.getProperty(k))).forEach(k -> out.add(en.getProperty(k).strip()));
                englishOnly = out;
            } catch (IOException e) {
                throw new IllegalStateException(e);
            }
        }
        return englishOnly;
    }
}
