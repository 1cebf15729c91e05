package org.careclock.e2e;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.Playwright;
import org.careclock.call.CallDetails;
import org.careclock.call.CallService;
import org.careclock.call.NewCall;
import org.careclock.calltype.Capability;
import org.careclock.calltype.CallTypeService;
import org.careclock.calltype.CallTypeSettings;
import org.careclock.base.Actor;
import org.careclock.base.Roles;
import org.careclock.session.SessionTimerService;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.TestInfo;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Base of the real-browser suite: CareClock on a free port with the real clock and the real
 * timer scheduler (not the virtual ones of the other tests), headless Chromium driving it as
 * several people at once, each in a browser context of their own.
 *
 * <p>The test profile gives an in-memory database and the demo users with one known password;
 * presence is back at its production timeout so a page that stops beating is still noticed.
 * After every test each visitor's page is screenshot, and the test fails if any page logged
 * a console error, threw an uncaught exception or broke the Content-Security-Policy (scenario 11
 * of the suite).
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "careclock.session.presence-timeout=30s")
@ActiveProfiles("test")
abstract class BrowserTestBase {

    static final String PASSWORD = "test-pass-1";
    static final Set<Capability> PATIENT = EnumSet.of(Capability.JOIN_CALL, Capability.SEND_AUDIO,
            Capability.SEND_VIDEO);
    static final Set<Capability> SPECIALIST = EnumSet.of(Capability.JOIN_CALL, Capability.SEND_AUDIO,
            Capability.SEND_VIDEO, Capability.UPDATE_CALL, Capability.UPDATE_CALL_SETTINGS, Capability.END_CALL);

    protected final Logger log = LoggerFactory.getLogger(getClass());

    private static final AtomicInteger names = new AtomicInteger();
    private static Playwright playwright;
    private static Browser browser;

    @LocalServerPort
    private int port;
    @Autowired
    protected CallTypeService callTypes;
    @Autowired
    protected CallService calls;
    @Autowired
    protected SessionTimerService timers;

    private final List<Visitor> visitors = new ArrayList<>();
    private String testName = "test";

    @BeforeAll
    static void startBrowser() {
        playwright = Playwright.create(new Playwright.CreateOptions()
                .setEnv(Map.of("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1")));
        browser = Chromium.launch(playwright);
    }

    @AfterAll
    static void stopBrowser() {
        if (browser != null) {
            browser.close();
        }
        if (playwright != null) {
            playwright.close();
        }
    }

    @BeforeEach
    void rememberName(TestInfo info) {
        testName = getClass().getSimpleName().replace("E2E", "") + "-"
                + info.getTestMethod().map(m -> m.getName()).orElse("test");
    }

    /** Names the test's screenshots and measurements (a short form of the scenario). */
    protected void scene(String name) {
        testName = name;
    }

    @AfterEach
    void failOnBrowserErrors() {
        List<String> problems = new ArrayList<>();
        try {
            for (Visitor v : visitors) {
                try {
                    v.screenshot(shotName("zz-last"));
                } catch (RuntimeException e) {
                    log.warn("No final screenshot of {}: {}", v.userId, e.getMessage());
                }
                problems.addAll(v.problems().stream().map(p -> v.userId + ": " + p).toList());
                log.info("{} visited {}", v.userId, v.visited());
            }
        } finally {
            visitors.forEach(Visitor::close);
            visitors.clear();
        }
        assertThat(problems).as("console errors, uncaught exceptions and policy violations in the browser").isEmpty();
    }

    // ------------------------------------------------------------------ people

    /** A person at a browser of their own, not yet signed in. */
    protected Visitor visitor(String userId) {
        return visitor(userId, userId, null);
    }

    /** A person whose browser runs {@code initScript} before every page's own scripts. */
    protected Visitor visitor(String userId, String label, String initScript) {
        return visitorAt("http://localhost:" + port, userId, label, initScript);
    }

    /** A person at a browser of their own that opens the CareClock at {@code baseUrl} (another node). */
    protected Visitor visitorAt(String baseUrl, String userId, String label, String initScript) {
        Visitor v = new Visitor(browser, baseUrl, screenshots(), label, userId, initScript);
        visitors.add(v);
        return v;
    }

    /** A person signed in and looking at their appointment list. */
    protected Visitor signedIn(String userId) {
        return visitor(userId).signIn(PASSWORD);
    }

    // ------------------------------------------------------------------ data

    /** A call type of seconds, not minutes, with the usual grants; answers its (fresh) name. */
    protected String newCallType(int maxSeconds, List<Integer> thresholds, List<Integer> steps,
                                 int idleTimeout, int idlePrompt, int emptyTimeout) {
        String name = "e2e-" + names.incrementAndGet();
        callTypes.create(Actor.api(), new CallTypeSettings(name, maxSeconds,
                Map.of(Roles.SPECIALIST, SPECIALIST, Roles.PATIENT, PATIENT),
                thresholds, steps, idleTimeout, idlePrompt, emptyTimeout));
        return name;
    }

    /** A scheduled appointment of the type for the members; answers its (fresh) id. */
    protected String newCall(String type, String title, String... members) {
        String id = "e2e-call-" + names.incrementAndGet();
        calls.create(Actor.api(), new NewCall(type, id, title, List.of(members), members[0],
                Instant.now().plusSeconds(60), null));
        return id;
    }

    protected CallDetails call(String type, String id) {
        return calls.getVisible(Actor.api(), type, id);
    }

    // ------------------------------------------------------------------ evidence

    protected String shotName(String moment) {
        return testName + "-" + moment;
    }

    protected void screenshot(String moment, Visitor... who) {
        for (Visitor v : who) {
            v.screenshot(shotName(moment));
        }
    }

    /** Logs a measurement and keeps it in {@code target/e2e-report.txt} for the reviewer. */
    protected void report(String format, Object... args) {
        String line = String.format(format, args);
        log.info("E2E measurement: {}", line);
        Path file = Paths.get(System.getProperty("careclock.e2e.report", "target/e2e-report.txt"));
        try {
            Files.createDirectories(file.toAbsolutePath().getParent());
            Files.writeString(file, Instant.now() + " " + testName + ": " + line + System.lineSeparator(),
                    StandardOpenOption.CREATE, StandardOpenOption.APPEND);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Path screenshots() {
        Path dir = Paths.get(System.getProperty("careclock.e2e.screenshots", "target/e2e-screenshots"));
        try {
            return Files.createDirectories(dir);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The page's remaining time is the server's (the test runs in the server's JVM) within a second. */
    protected static void assertMatchesServer(Visitor.Reading r, long deadline) {
        long serverRemaining = deadline - r.readAt();
        assertThat(Math.abs(r.remainingMs() - serverRemaining))
                .as("page remaining %d ms vs server %d ms", r.remainingMs(), serverRemaining)
                .isLessThanOrEqualTo(1_000);
        assertThat(Math.abs(r.shownSeconds() - Math.ceil(serverRemaining / 1000.0)))
                .as("page shows %s, server has %d ms left", r.text(), serverRemaining)
                .isLessThanOrEqualTo(1.0);
    }

    /** A Playwright timeout that lasts until the given instant (epoch ms), at least one second. */
    protected static double until(long epochMillis) {
        return Math.max(1_000, epochMillis - Instant.now().toEpochMilli());
    }

    /** Waits for a server-side condition (no browser involved) until it holds or the time is up. */
    protected static void awaitServer(String what, Duration timeout, BooleanSupplier condition) {
        org.awaitility.Awaitility.await(what).atMost(timeout).pollInterval(Duration.ofMillis(50))
                .until(condition::getAsBoolean);
    }
}
