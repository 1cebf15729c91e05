package org.careclock.e2e;

import com.microsoft.playwright.CDPSession;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.assertions.LocatorAssertions;
import org.careclock.base.Actor;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/**
 * Scenario 10: the countdown shows the server's remaining time whatever the page's clock says,
 * and is right again as soon as a page that was hidden and frozen is shown.
 */
class ClockE2E extends BrowserTestBase {

    private static final long FIVE_MINUTES = 5 * 60 * 1_000L;
    private static final Page.WaitForFunctionOptions POLL = new Page.WaitForFunctionOptions().setPollingInterval(50);

    /**
     * Shifts the page's wall clock ({@code Date} and {@code Date.now()}) by a fixed offset before
     * any of its own scripts run, as a computer whose clock is wrong would. The monotonic
     * {@code performance.now()} is left alone: it does not tell the time of day.
     */
    static String wrongClock(long offsetMillis) {
        return """
                (() => {
                  const offset = %d;
                  const RealDate = Date;
                  function WrongDate(...args) {
                    if (!new.target) {
                      return new RealDate(RealDate.now() + offset).toString();
                    }
                    return args.length === 0 ? new RealDate(RealDate.now() + offset) : new RealDate(...args);
                  }
                  WrongDate.prototype = RealDate.prototype;
                  WrongDate.now = () => RealDate.now() + offset;
                  WrongDate.parse = RealDate.parse;
                  WrongDate.UTC = RealDate.UTC;
                  window.Date = WrongDate;
                })();
                """.formatted(offsetMillis);
    }

    /**
     * Lets the test send the page to the background and back. Playwright keeps focus emulation on
     * for every page it drives, so Chromium never reports such a page hidden (neither minimising
     * its window nor the lifecycle freeze has any effect); the page is therefore told it is hidden
     * through the Page Visibility API, and frozen for real with the debugger. A 100 ms probe
     * measures the longest time the page ran no timer at all.
     */
    static String background() {
        return """
                (() => {
                  const state = { hidden: false, lastTick: performance.now(), longestGap: 0 };
                  const tick = () => {
                    const now = performance.now();
                    state.longestGap = Math.max(state.longestGap, now - state.lastTick);
                    state.lastTick = now;
                  };
                  setInterval(tick, 100);
                  Object.defineProperty(Document.prototype, 'visibilityState',
                      { configurable: true, get: () => state.hidden ? 'hidden' : 'visible' });
                  Object.defineProperty(Document.prototype, 'hidden', { configurable: true, get: () => state.hidden });
                  const announce = () => document.dispatchEvent(new Event('visibilitychange'));
                  window.careclockBackground = {
                    hide() { state.longestGap = 0; state.hidden = true; announce(); },
                    show() { tick(); state.hidden = false; announce(); return Math.round(state.longestGap); },
                  };
                })();
                """;
    }

    @Test
    void the_countdown_is_right_with_a_wrong_clock_and_after_the_page_was_hidden() {
        scene("s10-clock");
        String type = newCallType(300, List.of(60), List.of(30), 0, 0, 60);
        String id = newCall(type, "Clocks everywhere", "dr-lecter", "bill");
        Visitor lecter = visitor("dr-lecter", "dr-lecter-clock-ahead", wrongClock(FIVE_MINUTES)).signIn(PASSWORD);
        Visitor bill = visitor("bill", "bill-clock-behind", wrongClock(-FIVE_MINUTES) + background()).signIn(PASSWORD);

        lecter.openCall(type, id);
        bill.openCall(type, id);
        long deadline = timers.view(Actor.api(), type, id).timerEndsAt().toEpochMilli();

        // The pages' clocks really are five minutes off ...
        Visitor.Reading ahead = lecter.read();
        Visitor.Reading behind = bill.read();
        assertThat(ahead.pageNow() - ahead.readAt()).isCloseTo(FIVE_MINUTES, within(2_000L));
        assertThat(behind.pageNow() - behind.readAt()).isCloseTo(-FIVE_MINUTES, within(2_000L));
        // ... and both countdowns still show the server's remaining time, second after second.
        for (Visitor v : List.of(lecter, bill)) {
            Visitor.Reading first = v.read();
            assertMatchesServer(first, deadline);
            assertMatchesServer(v.awaitNextSecond(first), deadline);
        }
        screenshot("1-wrong-clocks", lecter, bill);

        // The patient's tab goes to the background: hidden, and then frozen (no script runs at all).
        bill.page.evaluate("() => window.careclockBackground.hide()");
        assertThat(bill.page.evaluate("() => document.visibilityState")).isEqualTo("hidden");

        // While it is hidden the specialist extends; the hidden page still takes the push.
        lecter.byId("extend-30").click();
        long extended = deadline + 30_000;
        assertThat(lecter.countdown()).hasAttribute("data-ends-at", String.valueOf(extended));
        assertThat(bill.countdown()).hasAttribute("data-ends-at", String.valueOf(extended),
                new LocatorAssertions.HasAttributeOptions().setTimeout(Visitor.PUSH.toMillis()));

        // Frozen for a while: waiting is the point here. No tick runs, nothing renders.
        CDPSession devTools = bill.devTools();
        AtomicInteger pauses = new AtomicInteger();
        devTools.on("Debugger.paused", event -> pauses.incrementAndGet());
        freeze(devTools, pauses, lecter.page);
        long frozenAt = System.currentTimeMillis();
        lecter.page.waitForTimeout(6_000);
        thaw(devTools);
        long frozenFor = System.currentTimeMillis() - frozenAt;

        // Shown again: right at once, without waiting for the next tick.
        long stalled = ((Number) bill.page.evaluate("() => window.careclockBackground.show()")).longValue();
        Visitor.Reading shown = bill.read();
        assertThat(stalled).as("ms the page ran no timer while frozen").isGreaterThan(5_000L);
        report("scenario 10: shown again after %d ms frozen in the background, the patient's page read %s with "
                + "%d ms left (server: %d ms)", frozenFor, shown.text(), shown.remainingMs(), extended - shown.readAt());
        assertMatchesServer(shown, extended);
        bill.screenshot(shotName("2-shown-again"));
        assertMatchesServer(bill.awaitNextSecond(shown), extended);

        // A deadline pushed while the page is frozen is applied as soon as it runs again.
        bill.page.evaluate("() => window.careclockBackground.hide()");
        freeze(devTools, pauses, lecter.page);
        lecter.byId("extend-30").click();
        long extendedTwice = extended + 30_000;
        assertThat(lecter.countdown()).hasAttribute("data-ends-at", String.valueOf(extendedTwice));
        lecter.page.waitForTimeout(2_000);
        thaw(devTools);
        bill.page.evaluate("() => window.careclockBackground.show()");
        assertThat(bill.countdown()).hasAttribute("data-ends-at", String.valueOf(extendedTwice),
                new LocatorAssertions.HasAttributeOptions().setTimeout(Visitor.PUSH.toMillis()));
        assertMatchesServer(bill.read(), extendedTwice);
        assertMatchesServer(lecter.read(), extendedTwice);
    }

    /** Stops all script in the page (the debugger pauses at its next statement, at most a tick away). */
    private static void freeze(CDPSession devTools, AtomicInteger pauses, Page other) {
        int before = pauses.get();
        devTools.send("Debugger.enable");
        devTools.send("Debugger.pause");
        // Playwright delivers the "paused" event while it waits on a page: wait on another one.
        other.waitForCondition(() -> pauses.get() > before,
                new Page.WaitForConditionOptions().setTimeout(5_000));
    }

    private static void thaw(CDPSession devTools) {
        devTools.send("Debugger.resume");
        devTools.send("Debugger.disable");
    }
}
