package org.careclock.base.ui;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.server.ServiceInitEvent;
import com.vaadin.flow.server.VaadinServiceInitListener;
import com.vaadin.flow.server.VaadinSession;
import org.careclock.base.Actor;
import org.careclock.base.CurrentUser;
import org.careclock.base.LanguageChoice;
import org.springframework.stereotype.Component;

import java.util.Locale;

/**
 * Which language each page speaks. A new session starts in the browser's language (Vaadin
 * matches Accept-Language against {@link Translations#LOCALES}; anything else is English). Once a
 * user is signed in, the language they chose before is applied — or, when they picked one on the
 * sign-in page, that one is remembered for them. Every page's {@code <html lang>} follows.
 */
@Component
public class Languages implements VaadinServiceInitListener {

    /** The user whose remembered language this session follows. */
    private static final String APPLIED = Languages.class.getName() + ".applied";
    /** A language picked before signing in, to remember once the user is known. */
    private static final String PICKED = Languages.class.getName() + ".picked";

    private final CurrentUser currentUser;
    private final LanguageChoice choices;

    Languages(CurrentUser currentUser, LanguageChoice choices) {
        this.currentUser = currentUser;
        this.choices = choices;
    }

    @Override
    public void serviceInit(ServiceInitEvent event) {
        event.getSource().addUIInitListener(init -> apply(init.getUI()));
    }

    /** Sets the page's language: the signed-in user's choice, or the session's. */
    void apply(UI ui) {
        VaadinSession session = ui.getSession();
        if (currentUser.signedIn()) {
            Actor actor = currentUser.actor();
            if (actor.userId() != null && !actor.userId().equals(session.getAttribute(APPLIED))) {
                session.setAttribute(APPLIED, actor.userId());
                if (session.getAttribute(PICKED) instanceof Locale picked) {
                    choices.choose(actor, picked.toLanguageTag());
                    session.setAttribute(PICKED, null);
                } else {
                    choices.chosen(actor).map(Locale::forLanguageTag).ifPresent(session::setLocale);
                }
            }
        }
        Locale locale = Translations.supported(session.getLocale());
        ui.setLocale(locale);
        ui.getPage().executeJs("document.documentElement.lang = $0", locale.toLanguageTag());
    }

    /** The user picked {@code locale} from a language menu: remembered, and the page shown again in it. */
    void pick(UI ui, Locale locale) {
        VaadinSession session = ui.getSession();
        session.setLocale(locale);
        if (currentUser.signedIn()) {
            choices.choose(currentUser.actor(), locale.toLanguageTag());
        } else {
            session.setAttribute(PICKED, locale);
        }
        ui.getPage().reload();
    }
}
