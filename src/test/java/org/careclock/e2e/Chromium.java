package org.careclock.e2e;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserType;
import com.microsoft.playwright.Playwright;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.List;

/**
 * Starts the system's headless Chromium through Playwright. Nothing here downloads a browser:
 * the build sets PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD=1 and the executable comes from the machine
 * ({@code careclock.e2e.chromium} system property, else the {@code CARECLOCK_E2E_CHROMIUM}
 * environment variable, else Debian's {@code /usr/bin/chromium}).
 */
final class Chromium {

    static final String DEFAULT_EXECUTABLE = "/usr/bin/chromium";

    private static final List<String> ARGS = List.of(
            "--no-sandbox",
            "--disable-gpu",
            "--disable-dev-shm-usage",
            "--disable-background-networking",
            "--disable-component-update",
            "--disable-sync",
            // Media: a fake camera (a moving test picture) and microphone (a tone), permission
            // granted without a prompt, and the machine's own addresses as ICE candidates.
            "--use-fake-device-for-media-stream",
            "--use-fake-ui-for-media-stream",
            "--disable-features=WebRtcHideLocalIpsWithMdns",
            "--autoplay-policy=no-user-gesture-required");

    private Chromium() {
    }

    static Path executable() {
        String configured = System.getProperty("careclock.e2e.chromium");
        if (configured == null || configured.isBlank()) {
            configured = System.getenv("CARECLOCK_E2E_CHROMIUM");
        }
        Path path = Paths.get(configured == null || configured.isBlank() ? DEFAULT_EXECUTABLE : configured);
        if (!Files.isExecutable(path)) {
            throw new IllegalStateException("No Chromium at " + path + ": install the chromium package, or point "
                    + "careclock.e2e.chromium (or CARECLOCK_E2E_CHROMIUM) at a Chromium executable");
        }
        return path;
    }

    static Browser launch(Playwright playwright) {
        return playwright.chromium().launch(new BrowserType.LaunchOptions()
                .setExecutablePath(executable())
                .setHeadless(true)
                .setArgs(ARGS));
    }
}
