package org.careclock.e2e;

import com.deque.html.axecore.playwright.AxeBuilder;
import com.deque.html.axecore.results.AxeResults;
import com.deque.html.axecore.results.Rule;
import com.microsoft.playwright.assertions.LocatorAssertions;
import org.careclock.base.Actor;
import org.careclock.call.NewCall;
import org.careclock.testing.TestCallTypes;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * WCAG 2.2 AA in Chromium: axe-core's rules for levels A and AA (WCAG 2.0, 2.1 and 2.2) run on
 * every page, for every role, and on the page states that come and go — the editors' dialogs,
 * the in-call page with an alert, the "stay or leave" dialog, a request for more time, the
 * waiting room and the ended page. No serious or critical violation may remain; moderate and
 * minor ones are reported.
 */
class AccessibilityE2E extends BrowserTestBase {

    static final List<String> WCAG_AA = List.of("wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa");
    static final Set<String> BLOCKING = Set.of("serious", "critical");

    final List<String> blocking = new ArrayList<>();
    int states;

    /** Runs axe-core on the page as it is now; notes what blocks and reports the rest. */
    void check(Visitor v, String state) {
        AxeResults results = new AxeBuilder(v.page).withTags(WCAG_AA).analyze();
        states++;
        for (Rule rule : results.getViolations()) {
            String line = state + " (" + v.userId + "): " + rule.getImpact() + " " + rule.getId() + " — "
                    + rule.getHelp() + " — " + rule.getNodes().stream().limit(3)
                    .map(n -> String.valueOf(n.getTarget())).toList();
            if (BLOCKING.contains(rule.getImpact())) {
                blocking.add(line);
            } else {
                report("axe, not blocking: %s", line);
            }
        }
    }

    void pageAndDialog(Visitor v, String path, String opener) {
        v.open(path);
        v.page.locator("h2").first().waitFor();
        check(v, path);
        if (opener != null) {
            v.byId(opener).click();
            assertThat(v.page.locator("vaadin-dialog-overlay")).isVisible();
            check(v, path + " dialog " + opener);
            v.page.keyboard().press("Escape");
            assertThat(v.page.locator("vaadin-dialog-overlay")).isHidden();
        }
    }

    @Test
    void every_page_for_every_role_has_no_serious_or_critical_violation() {
        // Signed out: the sign-in page and a page that does not exist.
        Visitor anonymous = visitor("nobody");
        anonymous.open("/login");
        anonymous.page.locator("input[name=username]").waitFor();
        check(anonymous, "sign-in");
        anonymous.open("/no/such/page");
        check(anonymous, "not found");
        // The browser reports the 404 itself; anything else still fails the test.
        assertThat(anonymous.problems()).allMatch(p -> p.contains("status of 404"));
        anonymous.forgetProblems();

        // The administrator: every administration page, and the editors' dialogs.
        Visitor admin = signedIn("admin");
        pageAndDialog(admin, "/admin/appointments", "new-appointment");
        pageAndDialog(admin, "/admin/call-types", "new-call-type");
        pageAndDialog(admin, "/admin/users", "new-user");
        pageAndDialog(admin, "/admin/roles", "new-role");
        pageAndDialog(admin, "/admin/audit", null);
        pageAndDialog(admin, "/admin/api", null);

        // A call: the lists, the in-call page of each side, an alert, a request for more time.
        String type = newCallType(40, List.of(30, 10), List.of(60), 0, 0, 300);
        String id = newCall(type, "Accessibility check", "dr-lecter", "bill");
        Visitor doctor = signedIn("dr-lecter");
        check(doctor, "appointments (specialist)");
        Visitor patient = signedIn("bill");
        check(patient, "appointments (patient)");
        Visitor clarice = signedIn("clarice");
        check(clarice, "appointments (another patient)");
        doctor.openCall(type, id);
        patient.openCall(type, id);
        check(doctor, "in call (specialist)");
        check(patient, "in call (patient)");
        assertThat(doctor.byId("session-alert")).isVisible(new LocatorAssertions.IsVisibleOptions().setTimeout(15_000));
        check(doctor, "in call with an alert (specialist)");
        check(patient, "in call with an alert (patient)");
        patient.byId("ask-more-time").click();
        assertThat(doctor.byId("time-request-bill")).isVisible();
        check(doctor, "a request for more time (specialist)");
        check(patient, "asked for more time (patient)");
        doctor.byId("decline-bill").click();
        timers.setMaxDuration(Actor.api(), type, id,
                (int) Duration.between(call(type, id).session().startedAt(), Instant.now()).toSeconds() + 2);
        assertThat(patient.byId("call-ended")).isVisible(new LocatorAssertions.IsVisibleOptions().setTimeout(10_000));
        check(patient, "call ended");

        // Alone in a call: the stay-or-leave dialog.
        String idle = newCallType(600, List.of(60), List.of(60), 4, 3, 300);
        String idleId = newCall(idle, "Alone", "dr-lecter", "bill");
        doctor.openCall(idle, idleId);
        assertThat(doctor.byId("idle-dialog")).isVisible(new LocatorAssertions.IsVisibleOptions().setTimeout(10_000));
        check(doctor, "stay-or-leave dialog");
        doctor.byId("idle-leave").click();

        // Before the clinician starts: the patient's waiting room and the clinician's backstage.
        String waiting = "a11y-waiting-" + System.nanoTime();
        callTypes.create(Actor.api(), TestCallTypes.withWaitingRoom(waiting, 600, 3600));
        calls.create(Actor.api(), new NewCall(waiting, "visit", "Waiting room check", List.of("dr-lecter", "bill"),
                "dr-lecter", Instant.now().plusSeconds(600), null));
        patient.open("/call/" + waiting + "/visit");
        assertThat(patient.byId("waiting-room")).isVisible();
        check(patient, "waiting room");
        doctor.open("/call/" + waiting + "/visit");
        assertThat(doctor.byId("go-live")).isVisible();
        check(doctor, "backstage");

        // Leave nothing running for the next browser test: the open calls end, the waiting room closes.
        timers.close(Actor.api(), idle, idleId);
        timers.close(Actor.api(), waiting, "visit");

        report("axe-core: %d page states checked, %d serious or critical violations", states, blocking.size());
        assertThat(blocking).as("serious or critical accessibility violations").isEmpty();
    }

    /** Whether the page at a phone's width needs no sideways scrolling. */
    static void fitsThePhone(Visitor v, String state, List<String> wide) {
        Object overflow = v.page.evaluate("() => document.documentElement.scrollWidth - window.innerWidth");
        if (((Number) overflow).intValue() > 0) {
            wide.add(state + " (" + v.userId + "): " + overflow + " px too wide");
        }
    }

    @Test
    void every_page_fits_a_phone_without_sideways_scrolling() {
        List<String> wide = new ArrayList<>();
        String type = newCallType(600, List.of(590), List.of(60, 600), 0, 0, 300);
        String id = newCall(type, "A consultation with a rather long title to wrap", "dr-lecter", "bill");
        Visitor admin = signedIn("admin");
        admin.page.setViewportSize(390, 844);
        for (String path : List.of("/admin/appointments", "/admin/call-types", "/admin/users", "/admin/roles",
                "/admin/audit", "/admin/api")) {
            admin.open(path);
            admin.page.locator("h2").first().waitFor();
            fitsThePhone(admin, path, wide);
        }
        for (String user : List.of("dr-lecter", "bill")) {
            Visitor v = signedIn(user);
            v.page.setViewportSize(390, 844);
            fitsThePhone(v, "appointments", wide);
            v.openCall(type, id);
            assertThat(v.byId("session-alert")).isVisible(new LocatorAssertions.IsVisibleOptions().setTimeout(15_000));
            fitsThePhone(v, "in call with an alert", wide);
            v.screenshot(shotName("phone-" + user));
        }
        timers.close(Actor.api(), type, id);
        assertThat(wide).as("pages wider than a 390 px phone").isEmpty();
    }
}
