package org.careclock.e2e;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.CDPSession;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.LoadState;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

/**
 * One person at one browser: a private browser context (own cookies, own session) with one
 * page. Every page of the context reports its console errors, uncaught exceptions and
 * Content-Security-Policy violations here, and every address it visits is remembered, so the
 * suite can fail on any error anywhere.
 */
final class Visitor implements AutoCloseable {

    private static final org.slf4j.Logger log = org.slf4j.LoggerFactory.getLogger(Visitor.class);

    static final Duration PUSH = Duration.ofSeconds(5);

    /**
     * Reports every {@code securitypolicyviolation} event of every document (pages and frames,
     * from their first script on) to the test, through a binding that outlives navigations. The
     * browser itself logs violations only to its own console, which the page's console events do
     * not carry.
     */
    static final String CSP_WATCH = """
            document.addEventListener('securitypolicyviolation', e => {
              window.careclockCspViolation([e.effectiveDirective || e.violatedDirective, e.blockedURI,
                  (e.sourceFile || '') + ':' + e.lineNumber, e.disposition, (e.sample || '').slice(0, 80)].join(' | '));
            }, true);
            """;

    final String userId;
    final BrowserContext context;
    final Page page;
    private final String baseUrl;
    private final Path screenshots;
    private final String label;
    private final List<String> problems = Collections.synchronizedList(new ArrayList<>());
    private final List<String> visited = Collections.synchronizedList(new ArrayList<>());

    Visitor(Browser browser, String baseUrl, Path screenshots, String label, String userId, String initScript) {
        this.userId = userId;
        this.baseUrl = baseUrl;
        this.screenshots = screenshots;
        this.label = label;
        this.context = browser.newContext(new Browser.NewContextOptions()
                .setViewportSize(1280, 860)
                .setLocale("en-GB")
                .setTimezoneId("Europe/Zurich"));
        context.setDefaultTimeout(10_000);
        context.exposeBinding("careclockCspViolation", (source, args) -> {
            problems.add("content security policy violation on " + source.page().url() + ": " + args[0]);
            return null;
        });
        context.addInitScript(CSP_WATCH);
        if (initScript != null) {
            context.addInitScript(initScript);
        }
        context.onPage(this::watch);
        this.page = context.newPage();
    }

    private void watch(Page p) {
        p.onConsoleMessage(m -> {
            if ("error".equals(m.type())) {
                problems.add("console error on " + p.url() + ": " + m.text());
            } else if ("warning".equals(m.type())) {
                log.info("{}: console warning on {}: {}", label, p.url(), m.text());
            }
        });
        p.onPageError(e -> problems.add("uncaught error on " + p.url() + ": " + e));
        p.onFrameNavigated(f -> {
            if (f.parentFrame() == null) {
                visited.add(f.url());
            }
        });
    }

    /** Errors reported by the browser so far (console errors, uncaught exceptions, policy violations). */
    List<String> problems() {
        synchronized (problems) {
            return List.copyOf(problems);
        }
    }

    void forgetProblems() {
        problems.clear();
    }

    List<String> visited() {
        synchronized (visited) {
            return List.copyOf(visited);
        }
    }

    String url(String path) {
        return baseUrl + (path.startsWith("/") ? path : "/" + path);
    }

    void open(String path) {
        page.navigate(url(path));
        page.waitForLoadState(LoadState.LOAD);
    }

    /** Fills Vaadin's login form; does not check the outcome. */
    void submitSignIn(String user, String password) {
        open("/login");
        page.locator("input[name=username]").fill(user);
        page.locator("input[name=password]").fill(password);
        page.locator("vaadin-button[slot=submit]").click();
    }

    /** Signs in and waits for the appointment list. */
    Visitor signIn(String password) {
        submitSignIn(userId, password);
        // People land on their appointments; an administrator without any, on the administration.
        page.waitForURL(Pattern.compile("^" + Pattern.quote(baseUrl) + "(/|/admin/appointments)?(\\?.*)?$"));
        assertThat(page.locator("h2", new Page.LocatorOptions().setHasText(
                Pattern.compile("^(My appointments|Appointments)$")))).isVisible();
        return this;
    }

    /** Opens the call page directly and waits until this user is counted as present. */
    void openCall(String type, String id) {
        open("/call/" + type + "/" + id);
        awaitInCall();
    }

    /** Clicks the appointment list's join button and waits until this user is counted as present. */
    void joinFromList(String type, String id) {
        page.locator("#join-" + type + "-" + id).click();
        awaitInCall();
    }

    void awaitInCall() {
        assertThat(countdown()).isVisible();
        assertThat(page.locator("#participants [data-user='" + userId + "']")).isVisible();
    }

    Locator countdown() {
        return page.locator("#countdown");
    }

    Locator byId(String id) {
        return page.locator("#" + id);
    }

    long endsAt() {
        return Long.parseLong(countdown().getAttribute("data-ends-at"));
    }

    /** What the page's countdown shows now. */
    Reading read() {
        @SuppressWarnings("unchecked")
        Map<String, Object> r = (Map<String, Object>) page.evaluate("""
                () => {
                  const c = document.getElementById('countdown');
                  return { text: c.textContent, level: c.dataset.level || '',
                           endsAt: Number(c.getAttribute('data-ends-at')), remainingMs: c.remainingMs(),
                           pageNow: Date.now() };
                }""");
        return new Reading((String) r.get("text"), (String) r.get("level"), ((Number) r.get("endsAt")).longValue(),
                ((Number) r.get("remainingMs")).longValue(), ((Number) r.get("pageNow")).longValue(),
                System.currentTimeMillis());
    }

    /**
     * A countdown as read from the page.
     *
     * @param remainingMs the component's own remaining milliseconds
     * @param readAt      the test's (that is, the server's) clock right after reading
     */
    record Reading(String text, String level, long endsAt, long remainingMs, long pageNow, long readAt) {

        /** The seconds the text shows (MM:SS or H:MM:SS). */
        int shownSeconds() {
            String[] parts = text.trim().split(":");
            int total = 0;
            for (String part : parts) {
                total = total * 60 + Integer.parseInt(part);
            }
            return total;
        }
    }

    /** Waits for the countdown text to change from {@code before} and answers the new reading. */
    Reading awaitNextSecond(Reading before) {
        page.waitForFunction("t => document.getElementById('countdown').textContent !== t", before.text(),
                new Page.WaitForFunctionOptions().setTimeout(3_000).setPollingInterval(20));
        return read();
    }

    /** Screenshots the page to {@code target/e2e-screenshots/<name>-<label>.png}. */
    Path screenshot(String name) {
        Path file = screenshots.resolve(name + "-" + label + ".png");
        page.screenshot(new Page.ScreenshotOptions().setPath(file).setFullPage(true));
        return file;
    }

    /** A DevTools session on this visitor's page (window state, page lifecycle). */
    CDPSession devTools() {
        return context.newCDPSession(page);
    }

    @Override
    public void close() {
        context.close();
    }
}
