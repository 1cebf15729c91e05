package org.careclock.security.ui;

import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.login.LoginForm;
import com.vaadin.flow.component.login.LoginI18n;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.auth.AnonymousAllowed;
import com.vaadin.flow.spring.security.AuthenticationContext;
import org.careclock.base.ui.Durations;
import org.careclock.base.ui.LanguageMenu;
import org.careclock.base.ui.Languages;
import org.careclock.security.SignInProperties;

import java.util.List;
import java.util.Map;

/**
 * Vaadin's login form posting to Spring Security's form sign-in (with the sign-in token Vaadin
 * writes into the page). Every refusal shows the same message, whether the name is unknown, the
 * password wrong or the account locked after too many failures, so the form reveals nothing about
 * which accounts exist; a form left open until its token expired gets a word of its own.
 */
@Route(value = "login", autoLayout = false)
@AnonymousAllowed
public class LoginView extends VerticalLayout implements BeforeEnterObserver, HasDynamicTitle {

    private final LoginForm form = new LoginForm();
    private final LoginI18n i18n = LoginI18n.createDefault();
    private final AuthenticationContext authentication;
    private final SignInProperties rules;

    public LoginView(AuthenticationContext authentication, SignInProperties rules, Languages languages) {
        this.authentication = authentication;
        this.rules = rules;
        addClassName("login-view");
        setSizeFull();
        setAlignItems(Alignment.CENTER);
        setJustifyContentMode(JustifyContentMode.CENTER);

        i18n.getForm().setTitle(getTranslation("login.title"));
        i18n.getForm().setUsername(getTranslation("login.username"));
        i18n.getForm().setPassword(getTranslation("login.password"));
        i18n.getForm().setSubmit(getTranslation("login.submit"));
        i18n.getForm().setForgotPassword(getTranslation("login.forgot"));
        i18n.setErrorMessage(error(false));
        form.setI18n(i18n);
        form.setAction("login");
        form.setForgotPasswordButtonVisible(false);

        H1 brand = new H1("CareClock");
        brand.addClassName("brand");
        Paragraph tagline = new Paragraph(getTranslation("login.tagline"));
        tagline.addClassName("tagline");
        LanguageMenu language = new LanguageMenu(languages);
        add(language, brand, tagline, form);
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        if (authentication.isAuthenticated()) {
            event.forwardTo("");
            return;
        }
        Map<String, List<String>> parameters = event.getLocation().getQueryParameters().getParameters();
        boolean expired = parameters.containsKey("expired");
        i18n.setErrorMessage(error(expired));
        form.setI18n(i18n);
        form.setError(expired || parameters.containsKey("error"));
    }

    @Override
    public String getPageTitle() {
        return getTranslation("page.title", getTranslation("login.title"));
    }

    /** The refusal shown above the form (an expired form has its own), and the words for empty fields. */
    private LoginI18n.ErrorMessage error(boolean expired) {
        LoginI18n.ErrorMessage error = new LoginI18n.ErrorMessage();
        error.setTitle(getTranslation(expired ? "login.expired-title" : "login.refused-title"));
        error.setMessage(expired ? getTranslation("login.expired-text") : refusedText(rules));
        error.setUsername(getTranslation("login.username-required"));
        error.setPassword(getTranslation("login.password-required"));
        return error;
    }

    /** The one message of every refused sign-in, with the lock rule in numbers. */
    String refusedText(SignInProperties rules) {
        return getTranslation("login.refused-text", rules.maxFailures(),
                Durations.spoken((int) rules.lockDuration().toSeconds()));
    }
}
