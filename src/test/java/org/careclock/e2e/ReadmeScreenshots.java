package org.careclock.e2e;

import com.microsoft.playwright.Page;
import com.microsoft.playwright.assertions.LocatorAssertions;
import org.careclock.base.Actor;
import org.careclock.call.NewCall;
import org.careclock.testing.TestCallTypes;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.Instant;
import java.util.List;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

/**
 * The README's pictures, made from the running application with the demo users: the in-call page
 * with video and an alert, the waiting room, and the call-type editor. Not part of the suite (its
 * name is not {@code *E2E}); run it when the look changes:
 * {@code ./mvnw -B verify -Dtest=none -Dsurefire.failIfNoSpecifiedTests=false -Dit.test=ReadmeScreenshots}.
 * The pictures land in {@code docs/images/} ({@code -Dcareclock.readme.images=DIR} for elsewhere).
 */
class ReadmeScreenshots extends BrowserTestBase {

    static final Path IMAGES = Paths.get(System.getProperty("careclock.readme.images", "docs/images"));

    static void save(Visitor v, String name) {
        v.page.screenshot(new Page.ScreenshotOptions().setPath(IMAGES.resolve(name + ".png")));
    }

    @Test
    void pictures_for_the_readme() {
        // In a call: the patient's camera on the clinician's page, two minutes left.
        String type = newCallType(125, List.of(120, 30), List.of(60, 600), 0, 0, 300);
        String id = newCall(type, "Follow-up consultation", "dr-lecter", "bill");
        Visitor doctor = visitor("dr-lecter", "dr-lecter", MediaE2E.PROBE).signIn(PASSWORD);
        Visitor patient = visitor("bill", "bill", MediaE2E.PROBE).signIn(PASSWORD);
        doctor.page.setViewportSize(1280, 800);
        doctor.openCall(type, id);
        patient.openCall(type, id);
        MediaE2E.awaitFlowing(doctor, "video");
        assertThat(doctor.byId("session-alert")).isVisible(new LocatorAssertions.IsVisibleOptions().setTimeout(15_000));
        save(doctor, "in-call");

        // The waiting room: the patient is early, the clinician has not started yet.
        String waiting = "consultation-" + System.nanoTime() % 1000;
        callTypes.create(Actor.api(), TestCallTypes.withWaitingRoom(waiting, 1800, 3600));
        calls.create(Actor.api(), new NewCall(waiting, "visit", "Annual check-up", List.of("dr-lecter", "bill"),
                "dr-lecter", Instant.now().plusSeconds(600), null));
        patient.page.setViewportSize(1280, 800);
        patient.open("/call/" + waiting + "/visit");
        assertThat(patient.byId("waiting-room")).isVisible();
        patient.page.waitForFunction("() => [...document.querySelectorAll('video')].some(v => v.videoWidth > 0)");
        save(patient, "waiting-room");

        // The administrator edits the demo's one-hour call type.
        Visitor admin = signedIn("admin");
        admin.page.setViewportSize(1280, 900);
        admin.open("/admin/call-types");
        admin.byId("edit-call-type-appointment").click();
        assertThat(admin.page.locator("vaadin-dialog-overlay")).isVisible();
        admin.page.locator("#grants-matrix").waitFor();
        save(admin, "call-type-editor");
    }
}
