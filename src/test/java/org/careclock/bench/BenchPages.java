package org.careclock.bench;

import com.github.mvysny.fakeservlet.FakeRequest;
import com.github.mvysny.kaributesting.v10.MockVaadin;
import com.github.mvysny.kaributesting.v10.Routes;
import com.github.mvysny.kaributesting.v10.spring.MockSpringServlet;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.internal.CurrentInstance;
import com.vaadin.flow.server.VaadinSession;
import com.vaadin.flow.shared.communication.PushMode;
import org.careclock.base.ui.Countdown;
import org.careclock.base.Roles;
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

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.locks.ReentrantLock;
import java.util.stream.Stream;

/**
 * Open in-call pages without a browser: each page is a real {@link VaadinSession} and {@link UI}
 * of CareClock's Vaadin service (set up through Karibu-Testing's servlet, with Spring and the
 * signed-in user), showing the real in-call page. Unlike a Karibu test, the session lock is
 * released once the page is open, so session events reach it the way they reach a served page:
 * the publishing thread takes the lock in {@code UI.access}, applies the change, and Vaadin
 * pushes it on unlock — here through a {@link CountingPush} that encodes the message and counts it.
 */
final class BenchPages {

    private static final Routes ROUTES = new Routes().autoDiscoverViews("org.careclock");

    private final MockSpringServlet servlet;

    /** One open page: its session, UI, push connection and countdown. */
    record Page(String userId, VaadinSession session, UI ui, CountingPush push, Countdown countdown) {

        /** Runs {@code action} in the page's UI the way a server thread would (lock, apply, push on unlock). */
        void access(Runnable action) {
            ui.access(action::run);
        }
    }

    BenchPages(ApplicationContext context) {
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
        this.servlet = new MockSpringServlet(ROUTES, context, UI::new);
    }

    /** Opens {@code path} (e.g. {@code call/TYPE/ID}) as {@code userId}, in a session of its own. */
    Page open(String userId, String path) {
        SecurityContext security = signedIn(userId);
        SecurityContextHolder.setContext(security);
        try {
            MockVaadin.setup(() -> new DeepLinkUI(path), servlet);
            VaadinSession session = VaadinSession.getCurrent();
            session.getSession().setAttribute(HttpSessionSecurityContextRepository.SPRING_SECURITY_CONTEXT_KEY, security);
            UI ui = UI.getCurrent();
            ui.getPushConfiguration().setPushMode(PushMode.AUTOMATIC);
            CountingPush push = new CountingPush(ui);
            ui.getInternals().setPushConnection(push);
            Countdown countdown = find(ui, Countdown.class).findFirst().orElseThrow(() -> new IllegalStateException(
                    userId + " could not open " + path + ": " + find(ui, H2.class).map(H2::getText).toList()));
            release(session);
            push.reset();
            return new Page(userId, session, ui, push, countdown);
        } finally {
            SecurityContextHolder.clearContext();
            CurrentInstance.clearAll();
        }
    }

    /**
     * Closes the page as a closed tab does: the UI is removed, so the page detaches and leaves the
     * call. The session itself is dropped, not destroyed: a server keeps a closed tab's HTTP session
     * until it times out, and in this benchmark nothing refers to it any more.
     */
    void close(Page page) {
        VaadinSession session = page.session();
        session.lock();
        try {
            CurrentInstance.setCurrent(page.ui());
            page.ui().close();
            session.removeUI(page.ui());
        } finally {
            session.unlock();
            CurrentInstance.clearAll();
        }
    }

    /** Closes the notifications a page shows, as its browser does when they time out. */
    static void dismissNotifications(Page page) {
        page.access(() -> page.ui().getChildren().filter(Notification.class::isInstance).toList()
                .forEach(n -> ((Notification) n).close()));
    }

    /** The server-tick baseline: what a server that pushes the remaining time every second would send. */
    static void tick(Page page) {
        page.access(() -> {
            Long endsAt = page.countdown().endsAtMillis();
            page.countdown().show(endsAt == null ? null : Instant.ofEpochMilli(endsAt), Instant.now());
        });
    }

    static <T extends Component> Stream<T> find(Component root, Class<T> type) {
        return Stream.concat(Stream.of(root), root.getChildren().flatMap(c -> find(c, Component.class)))
                .filter(type::isInstance).map(type::cast);
    }

    static Optional<Long> endsAtMillis(Page page) {
        return Optional.ofNullable(page.countdown().endsAtMillis());
    }

    /**
     * A UI that opens at {@code path} as a browser following a link to it does (the mock servlet
     * would otherwise open the home page first, which lists every appointment of the user).
     */
    private static final class DeepLinkUI extends UI {
        private final String path;

        DeepLinkUI(String path) {
            this.path = path;
        }

        @Override
        public void navigate(String location) {
            super.navigate(location.isEmpty() ? path : location);
        }
    }

    private static void release(VaadinSession session) {
        ReentrantLock lock = (ReentrantLock) session.getLockInstance();
        while (lock.isHeldByCurrentThread()) {
            session.unlock();
        }
    }

    private static SecurityContext signedIn(String userId) {
        List<GrantedAuthority> authorities = List.of(new SimpleGrantedAuthority("ROLE_" + Roles.USER_AUTHORITY));
        User principal = new User(userId, "n/a", authorities);
        return new SecurityContextImpl(UsernamePasswordAuthenticationToken.authenticated(principal, null, authorities));
    }
}
