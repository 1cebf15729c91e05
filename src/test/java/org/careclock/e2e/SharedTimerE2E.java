package org.careclock.e2e;

import com.microsoft.playwright.Page;
import com.microsoft.playwright.assertions.LocatorAssertions;
import org.careclock.call.CallDetails;
import org.careclock.call.CallState;
import org.careclock.call.EndReason;
import org.careclock.base.Actor;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Scenarios 3 to 7 as one appointment of seconds: a specialist and a patient join, watch the same
 * countdown, the specialist extends, both get the threshold alerts, and at zero both are taken
 * to the "appointment ended" page and cannot rejoin. The call type: 30 s, alerts at 15 s and
 * 8 s, extension steps of 10 s and 60 s, no idle prompt.
 */
class SharedTimerE2E extends BrowserTestBase {

    /** How late a pushed event may reach a page and still count as "at once" (a loaded 2-core machine). */
    private static final long LATE_MS = 2_000;

    @Test
    void specialist_and_patient_share_one_countdown_from_join_to_the_end() {
        scene("s03-07-shared-timer");
        String type = newCallType(30, List.of(15, 8), List.of(10, 60), 0, 0, 30);
        String id = newCall(type, "Shared clock consultation", "dr-lecter", "bill");
        String cid = type + ":" + id;
        Visitor lecter = signedIn("dr-lecter");
        Visitor bill = signedIn("bill");

        // ---- Scenario 3: both join from their lists; each countdown is visible, decreasing, and they agree.
        lecter.joinFromList(type, id);
        bill.joinFromList(type, id);
        for (Visitor v : List.of(lecter, bill)) {
            assertThat(v.byId("participants")).hasAttribute("data-count", "2");
            assertThat(v.countdown()).isVisible();
            assertThat(v.countdown()).hasText(Pattern.compile("^\\d\\d:\\d\\d$"));
            assertThat(v.countdown()).hasAttribute("data-level", "ok");
            recordAlerts(v);
        }
        screenshot("1-joined", lecter, bill);
        for (Visitor v : List.of(lecter, bill)) {
            Visitor.Reading first = v.read();
            Visitor.Reading second = v.awaitNextSecond(first);
            Visitor.Reading third = v.awaitNextSecond(second);
            assertThat(second.shownSeconds()).as("%s's countdown goes down", v.userId)
                    .isLessThan(first.shownSeconds());
            assertThat(third.shownSeconds()).as("%s's countdown goes down", v.userId)
                    .isLessThan(second.shownSeconds());
        }
        long deadline = timers.view(Actor.api(), type, id).timerEndsAt().toEpochMilli();
        Visitor.Reading a = lecter.read();
        Visitor.Reading b = bill.read();
        assertThat(a.endsAt()).isEqualTo(deadline);
        assertThat(b.endsAt()).isEqualTo(deadline);
        long gap = b.readAt() - a.readAt();
        assertThat(Math.abs((a.remainingMs() - gap) - b.remainingMs()))
                .as("the two pages' remaining time, %s vs %s", a, b).isLessThanOrEqualTo(1_000);
        assertThat(Math.abs(a.shownSeconds() - b.shownSeconds())).isLessThanOrEqualTo(1);
        assertMatchesServer(a, deadline);
        assertMatchesServer(b, deadline);
        report("scenario 3: the two countdowns differed by %d ms (corrected for %d ms between the readings)",
                Math.abs((a.remainingMs() - gap) - b.remainingMs()), gap);

        // ---- Scenario 5: the patient has no extend and no end control; the specialist has both.
        assertThat(bill.page.locator("[id^='extend-']")).hasCount(0);
        assertThat(bill.byId("end-call")).hasCount(0);
        assertThat(lecter.byId("extend-10")).isVisible();
        assertThat(lecter.byId("extend-60")).isVisible();
        assertThat(lecter.byId("end-call")).isVisible();
        assertThat(bill.byId("leave-call")).isVisible();

        // ---- Scenario 4: the specialist extends by 10 s; the patient's page gets the new deadline at once.
        assertThat(lecter.byId("session-alert")).hasCount(0);
        lecter.page.evaluate("() => document.getElementById('extend-10').addEventListener('click', "
                + "() => { window.careclockClickedAt = window.careclockClickedAt || Date.now(); }, {capture: true})");
        for (Visitor v : List.of(lecter, bill)) {
            v.page.evaluate("before => { const c = document.getElementById('countdown');"
                    + " new MutationObserver(() => { if (c.getAttribute('data-ends-at') !== before"
                    + " && !window.careclockDeadlineSeenAt) window.careclockDeadlineSeenAt = Date.now(); })"
                    + ".observe(c, {attributes: true, attributeFilter: ['data-ends-at']}); }",
                    String.valueOf(deadline));
        }
        lecter.byId("extend-10").click();
        long extended = deadline + 10_000;
        for (Visitor v : List.of(bill, lecter)) {
            assertThat(v.countdown()).hasAttribute("data-ends-at", String.valueOf(extended),
                    new LocatorAssertions.HasAttributeOptions().setTimeout(Visitor.PUSH.toMillis()));
        }
        long clickedAt = number(lecter.page.evaluate("() => window.careclockClickedAt"));
        long billSaw = number(bill.page.evaluate("() => window.careclockDeadlineSeenAt"));
        long lecterSaw = number(lecter.page.evaluate("() => window.careclockDeadlineSeenAt"));
        report("scenario 4: extension latency, click on the specialist's page to the new deadline on the "
                + "patient's page: %d ms (on the specialist's own page: %d ms)", billSaw - clickedAt, lecterSaw - clickedAt);
        assertThat(billSaw - clickedAt).as("extension latency in ms").isBetween(0L, LATE_MS);
        assertThat(timers.view(Actor.api(), type, id).timerEndsAt().toEpochMilli()).isEqualTo(extended);
        assertMatchesServer(bill.read(), extended);
        assertThat(bill.page.getByText("Dr. Hannibal Lecter extended the appointment by 10 seconds")).isVisible();
        assertThat(bill.byId("session-alert")).hasCount(0);
        screenshot("2-extended", lecter, bill);

        // ---- Scenario 6: the 15 s alert reaches both pages at its time, amber; it repeats no extend button.
        long due15 = extended - 15_000;
        for (Visitor v : List.of(lecter, bill)) {
            assertThat(v.page.locator("#session-alert[data-threshold='15']")).isVisible(
                    new LocatorAssertions.IsVisibleOptions().setTimeout(until(due15 + LATE_MS + 1_000)));
            long shownAt = firstShown(v, 15);
            report("scenario 6: %s saw the 15 s alert %+d ms from its due time", v.userId, shownAt - due15);
            assertThat(shownAt - due15).as("%s's 15 s alert, ms after its time", v.userId)
                    .isBetween(-250L, LATE_MS);
            // An early threshold is a polite status region; the most urgent one an alert (docs/accessibility.md).
            assertThat(v.byId("session-alert")).hasAttribute("role", "status");
            assertThat(v.byId("session-alert")).containsText("Last 15 seconds");
            assertThat(v.countdown()).hasAttribute("data-level", "warn");
        }
        assertThat(lecter.page.locator("#session-alert vaadin-button", new Page.LocatorOptions()
                .setHasText("Extend"))).hasCount(0);
        assertThat(bill.page.locator("#session-alert vaadin-button", new Page.LocatorOptions()
                .setHasText("Extend"))).hasCount(0);
        screenshot("3-alert-15", lecter, bill);

        // The patient dismisses it; the specialist's page keeps it. The specialist then reloads the page
        // (leaving and joining again); the dismissed alert must not come back on the patient's page.
        bill.byId("dismiss-alert").click();
        assertThat(bill.byId("session-alert")).hasCount(0);
        long dismissedAt = System.currentTimeMillis();
        assertThat(lecter.byId("session-alert")).isVisible();
        lecter.page.reload();
        lecter.awaitInCall();
        assertThat(lecter.byId("session-alert")).isVisible();
        assertThat(lecter.page.locator("#session-alert")).hasCount(1);
        recordAlerts(lecter);
        assertThat(bill.byId("participants")).hasAttribute("data-count", "2");
        assertThat(bill.byId("session-alert")).hasCount(0);

        // ---- The 8 s alert: both pages, red.
        long due8 = extended - 8_000;
        for (Visitor v : List.of(lecter, bill)) {
            assertThat(v.page.locator("#session-alert[data-threshold='8']")).isVisible(
                    new LocatorAssertions.IsVisibleOptions().setTimeout(until(due8 + LATE_MS + 1_000)));
            long shownAt = firstShown(v, 8);
            report("scenario 6: %s saw the 8 s alert %+d ms from its due time", v.userId, shownAt - due8);
            assertThat(shownAt - due8).as("%s's 8 s alert, ms after its time", v.userId).isBetween(-250L, LATE_MS);
            assertThat(v.countdown()).hasAttribute("data-level", "danger");
            assertThat(v.byId("session-alert")).hasAttribute("role", "alert");
        }
        assertThat(shows(bill, 15)).as("times the dismissed 15 s alert was shown again on the patient's page")
                .noneMatch(at -> at > dismissedAt);
        screenshot("4-alert-8", lecter, bill);

        // ---- Scenario 7: at zero both pages go to the "appointment ended" page: the time has run out.
        for (Visitor v : List.of(lecter, bill)) {
            v.page.waitForURL(Pattern.compile(".*/call/" + type + "/" + id + "/ended$"),
                    new Page.WaitForURLOptions().setTimeout(until(extended + LATE_MS + 2_000)));
            long arrived = System.currentTimeMillis();
            report("scenario 7: %s reached the ended page %+d ms from the deadline", v.userId, arrived - extended);
            assertThat(arrived - extended).as("%s left the call, ms after the deadline", v.userId)
                    .isBetween(-250L, LATE_MS + 1_000);
            assertThat(v.byId("call-ended")).hasAttribute("data-reason", "TIMER_EXPIRED");
            assertThat(v.page.getByText("The time has run out")).isVisible();
        }
        screenshot("5-ended", lecter, bill);
        CallDetails ended = call(type, id);
        assertThat(ended.state()).isEqualTo(CallState.ENDED);
        assertThat(ended.endReason()).isEqualTo(EndReason.TIMER_EXPIRED);

        // Rejoining is refused, by address and from the list.
        for (Visitor v : List.of(bill, lecter)) {
            v.open("/call/" + type + "/" + id);
            assertThat(v.byId("call-problem")).hasText("You cannot join this appointment");
            assertThat(v.page.getByText("This appointment has ended and cannot be joined again")).isVisible();
            assertThat(v.countdown()).hasCount(0);
            v.open("/");
            assertThat(v.page.locator("[data-cid='" + cid + "']")).containsText("The time has run out");
            assertThat(v.byId("join-" + type + "-" + id)).hasCount(0);
        }
        screenshot("6-rejoin-refused", bill);
        assertThat(timers.present(cid)).isEmpty();
        assertThat(call(type, id).state()).isEqualTo(CallState.ENDED);
    }

    @Test
    void the_specialist_ends_the_call_for_everyone() {
        scene("end-call");
        String type = newCallType(600, List.of(60), List.of(60), 0, 0, 30);
        String id = newCall(type, "Ended early", "dr-lecter", "bill");
        Visitor lecter = signedIn("dr-lecter");
        Visitor bill = signedIn("bill");
        lecter.openCall(type, id);
        bill.openCall(type, id);
        assertThat(lecter.byId("participants")).hasAttribute("data-count", "2");

        lecter.byId("end-call").click();
        assertThat(lecter.byId("confirm-end-call")).isVisible();
        screenshot("confirm", lecter);
        lecter.byId("confirm-end-call").click();
        for (Visitor v : List.of(lecter, bill)) {
            v.page.waitForURL(Pattern.compile(".*/call/" + type + "/" + id + "/ended$"));
            assertThat(v.byId("call-ended")).hasAttribute("data-reason", "ENDED_BY_USER");
        }
        screenshot("ended", bill);
        assertThat(call(type, id).endReason()).isEqualTo(EndReason.ENDED_BY_USER);
    }

    // ------------------------------------------------------------------ helpers

    /** Keeps, in the page, each time an alert element is inserted (threshold and the page's clock). */
    private static void recordAlerts(Visitor v) {
        v.page.evaluate("""
                () => {
                  window.careclockAlerts = window.careclockAlerts || [];
                  const note = el => window.careclockAlerts.push(
                      { threshold: el.getAttribute('data-threshold'), at: Date.now() });
                  const existing = document.getElementById('session-alert');
                  if (existing) note(existing);
                  new MutationObserver(records => records.forEach(r => r.addedNodes.forEach(n => {
                    if (n.nodeType !== 1) return;
                    if (n.id === 'session-alert') note(n);
                    n.querySelectorAll && n.querySelectorAll('#session-alert').forEach(note);
                  }))).observe(document.body, { subtree: true, childList: true });
                }""");
    }

    private static List<Long> shows(Visitor v, int threshold) {
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> all = (List<Map<String, Object>>) v.page.evaluate("() => window.careclockAlerts");
        return all.stream().filter(m -> String.valueOf(threshold).equals(m.get("threshold")))
                .map(m -> number(m.get("at"))).toList();
    }

    private static long firstShown(Visitor v, int threshold) {
        return shows(v, threshold).stream().mapToLong(Long::longValue).min()
                .orElseThrow(() -> new AssertionError("the " + threshold + " s alert was never inserted on "
                        + v.userId + "'s page"));
    }

    private static long number(Object value) {
        assertThat(value).as("a number from the page").isInstanceOf(Number.class);
        return ((Number) value).longValue();
    }
}
