package org.careclock.bench;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.BrowserType;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;
import com.microsoft.playwright.options.WaitForSelectorState;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Headless Chromium for the browser benchmarks, from the machine (never downloaded): the
 * {@code CARECLOCK_E2E_CHROMIUM} environment variable, else {@code chromium} on the PATH. Each page
 * counts the WebSocket messages it receives and the requests it sends, in the page itself.
 */
final class BenchChromium implements AutoCloseable {

    /** Runs before the page's own scripts: counts push messages (WebSocket) and requests (XHR/fetch) with their times. */
    static final String COUNTERS = """
            (() => {
              const now = () => performance.timeOrigin + performance.now();
              window.__frames = [];
              window.__requests = [];
              const Native = window.WebSocket;
              class Counting extends Native {
                constructor(...args) {
                  super(...args);
                  this.addEventListener('message', e => window.__frames.push([now(),
                      typeof e.data === 'string' ? e.data.length : (e.data.byteLength || e.data.size || 0),
                      typeof e.data === 'string' && e.data.includes('"syncId"') ? 'uidl' : 'other',
                      typeof e.data === 'string' ? e.data.slice(0, 80) : '(binary)']));
                }
              }
              window.WebSocket = Counting;
              new PerformanceObserver(list => list.getEntries().forEach(e => {
                if (e.initiatorType === 'xmlhttprequest' || e.initiatorType === 'fetch') {
                  window.__requests.push([performance.timeOrigin + e.startTime, e.name]);
                }
              })).observe({type: 'resource', buffered: true});
            })();
            """;

    private final Playwright playwright;
    final Browser browser;

    BenchChromium() {
        this(false);
    }

    /** With {@code media}: a fake camera and microphone, granted without a prompt. */
    BenchChromium(boolean media) {
        playwright = Playwright.create(new Playwright.CreateOptions()
                .setEnv(Map.of("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1")));
        List<String> args = new java.util.ArrayList<>(List.of("--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--disable-background-networking", "--disable-component-update"));
        if (media) {
            args.addAll(List.of("--use-fake-device-for-media-stream", "--use-fake-ui-for-media-stream",
                    "--disable-features=WebRtcHideLocalIpsWithMdns", "--autoplay-policy=no-user-gesture-required"));
        }
        browser = playwright.chromium().launch(new BrowserType.LaunchOptions()
                .setExecutablePath(executable())
                .setHeadless(true)
                .setArgs(args));
    }

    static Path executable() {
        String configured = System.getenv("CARECLOCK_E2E_CHROMIUM");
        if (configured != null && !configured.isBlank()) {
            return Path.of(configured);
        }
        for (String dir : System.getenv().getOrDefault("PATH", "").split(File.pathSeparator)) {
            for (String name : List.of("chromium", "chromium-browser")) {
                Path candidate = Path.of(dir, name);
                if (Files.isExecutable(candidate)) {
                    return candidate;
                }
            }
        }
        throw new IllegalStateException("No Chromium: install Debian's chromium or set CARECLOCK_E2E_CHROMIUM");
    }

    /** A browser of its own for one person, signed in at {@code baseUrl}, its counters installed. */
    Page signedIn(String baseUrl, String userId, String password) {
        return signedIn(baseUrl, userId, password, "");
    }

    /** As {@link #signedIn(String, String, String)}, with another script before the page's own. */
    Page signedIn(String baseUrl, String userId, String password, String script) {
        BrowserContext context = browser.newContext();
        context.addInitScript(COUNTERS + script);
        Page page = context.newPage();
        page.navigate(baseUrl + "/login");
        page.locator("input[name=username]").fill(userId);
        page.locator("input[name=password]").fill(password);
        page.locator("vaadin-button[slot=submit]").click();
        page.waitForURL(Pattern.compile("^" + Pattern.quote(baseUrl) + "/?(\\?.*)?$"));
        return page;
    }

    /** Opens the in-call page and waits until the countdown is there and {@code present} people are listed. */
    static void openCall(Page page, String baseUrl, String type, String id, int present) {
        page.navigate(baseUrl + "/call/" + type + "/" + id);
        page.locator("#countdown").waitFor(new Locator.WaitForOptions().setState(WaitForSelectorState.ATTACHED));
        page.locator("#participants[data-count='" + present + "']")
                .waitFor(new Locator.WaitForOptions().setState(WaitForSelectorState.ATTACHED));
    }

    @Override
    public void close() {
        browser.close();
        playwright.close();
    }
}
