package org.careclock.e2e;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import org.careclock.call.CallState;
import org.junit.jupiter.api.Test;

import java.util.regex.Pattern;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

/** Scenarios 1 and 2: signing in as each demo role, and a patient kept out of another's call. */
class SignInE2E extends BrowserTestBase {

    /** Scenario 1: each role lands on what it should see; a wrong password gets a clear message. */
    @Test
    void each_demo_role_signs_in_and_sees_what_it_should() {
        scene("s01-roles");
        Visitor admin = signedIn("admin");
        assertThat(admin.page.getByText("Administration", new Page.GetByTextOptions().setExact(true))).isVisible();
        assertThat(admin.page.locator("vaadin-side-nav-item[path='admin/call-types']")).isAttached();
        assertThat(admin.page.locator("[id^=join-]")).hasCount(0);
        assertThat(admin.page.locator(".signed-in-as")).hasText("Clinic Administrator");
        admin.screenshot(shotName("admin"));

        Visitor lecter = signedIn("dr-lecter");
        assertThat(lecter.page.locator(".signed-in-as")).hasText("Dr. Hannibal Lecter");
        assertThat(lecter.byId("join-appointment-test-call")).isVisible();
        assertThat(lecter.byId("join-appointment-starling-intake")).isVisible();
        assertThat(lecter.page.getByText("Administration")).hasCount(0);
        lecter.screenshot(shotName("specialist"));

        Visitor bill = signedIn("bill");
        assertThat(bill.byId("join-appointment-test-call")).isVisible();
        assertThat(bill.byId("join-appointment-starling-intake")).hasCount(0);
        assertThat(bill.page.getByText("Intake interview")).hasCount(0);
        assertThat(bill.page.getByText("Administration")).hasCount(0);
        bill.screenshot(shotName("patient-bill"));

        Visitor clarice = signedIn("clarice");
        assertThat(clarice.byId("join-appointment-starling-intake")).isVisible();
        assertThat(clarice.byId("join-appointment-test-call")).hasCount(0);
        assertThat(clarice.page.getByText("Initial consultation")).hasCount(0);
        clarice.screenshot(shotName("patient-clarice"));
    }

    @Test
    void a_wrong_password_gets_a_clear_message_and_no_session() {
        scene("s01-wrong-password");
        Visitor stranger = visitor("bill");
        stranger.submitSignIn("bill", "not-the-password");
        stranger.page.waitForURL(Pattern.compile(".*/login\\?error.*"));
        assertThat(stranger.page.getByText("Wrong user id or password")).isVisible();
        assertThat(stranger.page.getByText("Check your user id and password")).isVisible();
        stranger.screenshot(shotName("message"));

        stranger.open("/");
        stranger.page.waitForURL(Pattern.compile(".*/login.*"));
        assertThat(stranger.page.locator("h2", new Page.LocatorOptions().setHasText("My appointments"))).hasCount(0);
    }

    /** Scenario 2: the address of someone else's call answers "not found", like a call that does not exist. */
    @Test
    void a_patient_typing_another_patients_call_address_gets_not_found_and_no_call_data() {
        scene("s02-not-found");
        String type = newCallType(600, java.util.List.of(60), java.util.List.of(60), 0, 0, 60);
        String id = newCall(type, "Confidential review of Bill", "dr-lecter", "bill");

        Visitor clarice = signedIn("clarice");
        clarice.open("/call/" + type + "/" + id);
        Locator problem = clarice.byId("call-problem");
        assertThat(problem).hasText("Appointment not found");
        clarice.screenshot(shotName("page"));
        assertThat(clarice.page.title()).isEqualTo("Appointment not found · CareClock");
        String page = clarice.page.locator("body").innerText();
        assertThat(page).doesNotContain("Confidential review", "Buffalo Bill", "Hannibal", "bill", id);
        assertThat(clarice.countdown()).hasCount(0);
        assertThat(clarice.byId("participants")).hasCount(0);

        clarice.open("/call/" + type + "/" + id + "/ended");
        assertThat(clarice.page.locator("h2", new Page.LocatorOptions().setHasText("Appointment not found")))
                .isVisible();
        assertThat(clarice.page.locator("body").innerText()).doesNotContain("Confidential review", id);

        // The same answer as for a call that does not exist: nothing tells the two apart.
        clarice.open("/call/" + type + "/no-such-call");
        assertThat(clarice.byId("call-problem")).hasText("Appointment not found");

        // Looking did not start the session either.
        assertThat(call(type, id).state()).isEqualTo(CallState.SCHEDULED);
        assertThat(timers.present(type + ":" + id)).isEmpty();
    }

    /** An administration page answers a patient exactly like an address nothing serves: "Page not found", 404. */
    @Test
    void a_patient_opening_an_administration_page_gets_page_not_found() {
        scene("s02-admin-not-found");
        Visitor clarice = signedIn("clarice");
        for (String path : java.util.List.of("/admin/users", "/no-such-page")) {
            com.microsoft.playwright.Response response = clarice.page.navigate(clarice.url(path));
            assertThat(response.status()).as(path).isEqualTo(404);
            assertThat(clarice.page.locator("h1", new Page.LocatorOptions().setHasText("Page not found"))).isVisible();
            assertThat(clarice.page.title()).isEqualTo("Page not found · CareClock");
            assertThat(clarice.page.locator("#users-grid")).hasCount(0);
        }
        clarice.screenshot(shotName("patient"));

        Visitor stranger = visitor("stranger");
        com.microsoft.playwright.Response response = stranger.page.navigate(stranger.url("/admin/users"));
        assertThat(response.status()).isEqualTo(404);
        assertThat(stranger.page.locator("h1", new Page.LocatorOptions().setHasText("Page not found"))).isVisible();
        stranger.screenshot(shotName("anonymous"));
        // The browser reports the 404 itself; anything else (a policy violation, a script error) fails the test.
        for (Visitor v : java.util.List.of(clarice, stranger)) {
            assertThat(v.problems()).allMatch(p -> p.contains("status of 404"));
            v.forgetProblems();
        }
    }

    /** Scenario 11's own check: the error collector that every test relies on does catch errors. */
    @Test
    void the_browser_error_collector_catches_console_errors_and_uncaught_exceptions() {
        scene("s11-collector");
        Visitor bill = signedIn("bill");
        assertThat(bill.problems()).isEmpty();
        bill.page.evaluate("() => { console.error('careclock probe: console'); "
                + "setTimeout(() => { throw new Error('careclock probe: uncaught'); }, 0); }");
        bill.page.waitForCondition(() -> bill.problems().size() >= 2);
        assertThat(bill.problems()).anyMatch(p -> p.contains("careclock probe: console"))
                .anyMatch(p -> p.contains("careclock probe: uncaught"));
        bill.forgetProblems();
    }

    /** The collector also catches what the Content-Security-Policy blocks, on a page that runs under it. */
    @Test
    void the_browser_error_collector_catches_content_security_policy_violations() {
        scene("s11-csp-collector");
        Visitor bill = signedIn("bill");
        assertThat(bill.problems()).isEmpty();
        bill.page.evaluate("() => { const img = new Image(); img.src = 'https://careclock-probe.invalid/x.png'; "
                + "document.body.appendChild(img); }");
        bill.page.waitForCondition(() -> bill.problems().stream().anyMatch(p -> p.contains("content security policy")));
        assertThat(bill.problems()).anyMatch(p -> p.contains("content security policy violation")
                && p.contains("img-src") && p.contains("careclock-probe.invalid"));
        bill.forgetProblems();
    }
}
