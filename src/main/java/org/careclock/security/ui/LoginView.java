package org.careclock.security.ui;

import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.login.LoginForm;
import com.vaadin.flow.component.login.LoginI18n;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.auth.AnonymousAllowed;
import com.vaadin.flow.spring.security.AuthenticationContext;
import org.careclock.base.ui.Durations;
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
@PageTitle("Sign in · CareClock")
@AnonymousAllowed
public class LoginView extends VerticalLayout implements BeforeEnterObserver {

    static final String REFUSED_TITLE = "Wrong user id or password";
    static final String EXPIRED_TITLE = "Please sign in again";
    static final String EXPIRED_TEXT = "The sign-in page was open too long and its form has expired. "
            + "Enter your user id and password once more.";

    private final LoginForm form = new LoginForm();
    private final LoginI18n i18n = LoginI18n.createDefault();
    private final AuthenticationContext authentication;
    private final String refusedText;

    public LoginView(AuthenticationContext authentication, SignInProperties rules) {
        this.authentication = authentication;
        this.refusedText = refusedText(rules);
        addClassName("login-view");
        setSizeFull();
        setAlignItems(Alignment.CENTER);
        setJustifyContentMode(JustifyContentMode.CENTER);

        i18n.getForm().setTitle("Sign in");
        i18n.getForm().setUsername("User id");
        form.setI18n(i18n);
        form.setAction("login");
        form.setForgotPasswordButtonVisible(false);

        H1 brand = new H1("CareClock");
        brand.addClassName("brand");
        Paragraph tagline = new Paragraph("Telemedicine appointments on a shared clock");
        tagline.addClassName("tagline");
        add(brand, tagline, form);
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        if (authentication.isAuthenticated()) {
            event.forwardTo("");
            return;
        }
        Map<String, List<String>> parameters = event.getLocation().getQueryParameters().getParameters();
        boolean expired = parameters.containsKey("expired");
        LoginI18n.ErrorMessage error = new LoginI18n.ErrorMessage();
        error.setTitle(expired ? EXPIRED_TITLE : REFUSED_TITLE);
        error.setMessage(expired ? EXPIRED_TEXT : refusedText);
        i18n.setErrorMessage(error);
        form.setI18n(i18n);
        form.setError(expired || parameters.containsKey("error"));
    }

    /** The one message of every refused sign-in, with the lock rule in numbers. */
    static String refusedText(SignInProperties rules) {
        return "Check your user id and password and try again. After " + rules.maxFailures() + " failed attempts in a "
                + "row an account waits " + Durations.spoken((int) rules.lockDuration().toSeconds())
                + " before it can sign in again (or until an administrator unlocks it). Accounts that were disabled "
                + "cannot sign in.";
    }
}
