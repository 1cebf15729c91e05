package org.careclock.testing;

import com.github.mvysny.fakeservlet.FakeRequest;
import com.github.mvysny.kaributesting.v10.MockVaadin;
import com.github.mvysny.kaributesting.v10.Routes;
import com.github.mvysny.kaributesting.v10.spring.MockSpringServlet;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.server.VaadinSession;
import org.careclock.base.Roles;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.context.SecurityContextImpl;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;

import java.util.ArrayList;
import java.util.List;

/**
 * Browserless page tests (Karibu-Testing) against the real Spring context. {@link #login}
 * signs a user in the way Spring Security would, so route access checks and the current
 * user work as in production.
 */
public abstract class KaribuTest extends SpringTest {

    private static final Routes ROUTES = new Routes().autoDiscoverViews("org.careclock");

    @Autowired
    private ApplicationContext context;

    @BeforeEach
    void setUpVaadin() {
        startVaadin();
    }

    private void startVaadin() {
        MockVaadin.setMockRequestFactory(session -> {
            FakeRequest request = new FakeRequest(session);
            Authentication auth = SecurityContextHolder.getContext().getAuthentication();
            if (auth != null) {
                request.setUserPrincipalInt(auth);
                request.setUserInRole((principal, role) -> auth.getAuthorities().stream()
                        .anyMatch(a -> a.getAuthority().equals("ROLE_" + role)));
            }
            return request;
        });
        MockVaadin.setup(UI::new, new MockSpringServlet(ROUTES, context, UI::new));
    }

    @AfterEach
    void tearDownVaadin() {
        MockVaadin.tearDown();
        SecurityContextHolder.clearContext();
    }

    /** Signs {@code userId} in (with the authorities the real sign-in gives) and reloads the page. */
    protected void login(String userId) {
        String role = users.find(userId).orElseThrow().role();
        List<GrantedAuthority> authorities = new ArrayList<>();
        authorities.add(new SimpleGrantedAuthority("ROLE_" + Roles.USER_AUTHORITY));
        if (Roles.ADMIN.equals(role)) {
            authorities.add(new SimpleGrantedAuthority("ROLE_" + Roles.ADMIN_AUTHORITY));
        }
        User principal = new User(userId, "n/a", authorities);
        Authentication auth = UsernamePasswordAuthenticationToken.authenticated(principal, null, authorities);
        SecurityContext securityContext = new SecurityContextImpl(auth);
        SecurityContextHolder.setContext(securityContext);
        MockVaadin.tearDown();
        startVaadin();
        VaadinSession.getCurrent().getSession()
                .setAttribute(HttpSessionSecurityContextRepository.SPRING_SECURITY_CONTEXT_KEY, securityContext);
    }

    protected void logout() {
        SecurityContextHolder.clearContext();
        MockVaadin.tearDown();
        startVaadin();
    }

    /**
     * Clicks as a browser would: what the click listener throws goes to the session's error
     * handler, as it does in a running portal (Karibu would hand it to the test instead).
     */
    protected static void clickAsBrowser(com.vaadin.flow.component.ClickNotifier<?> component) {
        try {
            com.github.mvysny.kaributesting.v10.LocatorJ._click(component);
        } catch (RuntimeException e) {
            VaadinSession.getCurrent().getErrorHandler().error(new com.vaadin.flow.server.ErrorEvent(e));
        }
        MockVaadin.clientRoundtrip(false);
    }
}
