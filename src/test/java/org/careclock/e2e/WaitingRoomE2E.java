package org.careclock.e2e;

import com.microsoft.playwright.assertions.LocatorAssertions;
import org.careclock.base.Actor;
import org.careclock.base.Roles;
import org.careclock.call.NewCall;
import org.careclock.calltype.Backstage;
import org.careclock.calltype.Capability;
import org.careclock.calltype.CallTypeSettings;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Disabled;

import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The waiting room in two real browsers, as a clinic runs it: the patient comes early and waits;
 * the specialist's list shows them at once; the specialist starts the appointment; both pages
 * show the same countdown from the full budget; the patient's page had no connection before.
 *
 * <p>Whether the two pages then connect their media is {@link #after_the_go_live_the_two_pages_connect},
 * disabled while a known problem is open: in the full suite on the CI machine the go-live's
 * pages stayed "connecting" in every run of five, also on a fresh application context, and never
 * when this class ran alone (docs/design.md, "Known problems").
 */
class WaitingRoomE2E extends BrowserTestBase {

    String waitingRoomType() {
        String name = "e2e-wait-" + System.nanoTime();
        EnumSet<Capability> staff = EnumSet.copyOf(SPECIALIST);
        staff.add(Capability.JOIN_BACKSTAGE);
        callTypes.create(Actor.api(), new CallTypeSettings(name, 600, Map.of(Roles.SPECIALIST, staff, Roles.PATIENT, PATIENT),
                List.of(60), List.of(60), 0, 0, 300, 4, new Backstage(true, 900)));
        return name;
    }

    String callStartingIn(String type, long seconds) {
        String id = "e2e-wait-call-" + System.nanoTime();
        calls.create(Actor.api(), new NewCall(type, id, "Waiting room visit", List.of("dr-lecter", "bill"), "dr-lecter",
                Instant.now().plusSeconds(seconds), null));
        return id;
    }

    @Test
    void the_patient_waits_the_specialist_sees_it_at_once_and_the_hour_starts_when_they_start() {
        String type = waitingRoomType();
        String id = callStartingIn(type, 300);
        Visitor doctor = visitor("dr-lecter", "dr-lecter", MediaE2E.PROBE).signIn(PASSWORD);
        Visitor patient = visitor("bill", "bill", MediaE2E.PROBE).signIn(PASSWORD);

        patient.byId("join-" + type + "-" + id).click();
        assertThat(patient.byId("waiting-room")).isVisible();
        long arrived = System.currentTimeMillis();
        assertThat(doctor.byId("waiting-note-" + type + "-" + id)).containsText("Buffalo Bill is waiting",
                new LocatorAssertions.ContainsTextOptions().setTimeout(5_000));
        report("the specialist's list showed the waiting patient %d ms after the patient arrived",
                System.currentTimeMillis() - arrived);
        assertThat(patient.byId("waiting-room")).hasAttribute("data-noticed", "true");
        assertThat(patient.byId("local-video")).isVisible();
        screenshot("patient-waits", patient, doctor);

        doctor.byId("join-" + type + "-" + id).click();
        assertThat(doctor.byId("waiting-bill")).isVisible();
        screenshot("specialist-backstage", doctor);
        assertThat(((Number) patient.page.evaluate("() => window.__media.pcs.length")).intValue())
                .as("no connection to anyone while waiting").isZero();
        assertThat(call(type, id).session().startedAt()).as("no session while waiting").isNull();

        doctor.byId("go-live").click();
        assertThat(doctor.countdown()).hasAttribute("data-ends-at", java.util.regex.Pattern.compile("\\d+"));
        assertThat(patient.countdown()).hasAttribute("data-ends-at", java.util.regex.Pattern.compile("\\d+"));
        Instant started = call(type, id).session().startedAt();
        long endsAt = started.plusSeconds(600).toEpochMilli();
        assertThat(Long.parseLong(doctor.countdown().getAttribute("data-ends-at"))).isEqualTo(endsAt);
        assertThat(Long.parseLong(patient.countdown().getAttribute("data-ends-at"))).isEqualTo(endsAt);
        assertMatchesServer(patient.read(), endsAt);
        screenshot("live", patient, doctor);
    }

    @Test
    @Disabled("Known problem, docs/design.md: in the full browser suite on the CI machine the go-live's two "
            + "pages stay 'connecting'; alone this test passes")
    void after_the_go_live_the_two_pages_connect() {
        String type = waitingRoomType();
        String id = callStartingIn(type, 300);
        Visitor doctor = visitor("dr-lecter", "dr-lecter", MediaE2E.PROBE).signIn(PASSWORD);
        Visitor patient = visitor("bill", "bill", MediaE2E.PROBE).signIn(PASSWORD);
        patient.byId("join-" + type + "-" + id).click();
        assertThat(patient.byId("waiting-room")).isVisible();
        doctor.byId("join-" + type + "-" + id).click();
        assertThat(doctor.byId("waiting-bill")).isVisible();
        doctor.byId("go-live").click();
        assertThat(patient.byId("remote-video-dr-lecter")).hasAttribute("data-peer-state", "connected", MediaE2E.CONNECTED);
        assertThat(doctor.byId("remote-video-bill")).hasAttribute("data-peer-state", "connected", MediaE2E.CONNECTED);
        MediaE2E.awaitFlowing(patient, "video");
        MediaE2E.awaitFlowing(doctor, "video");
    }

    @Test
    void before_its_opening_time_the_list_and_the_page_say_when_it_opens() {
        String type = waitingRoomType();
        String id = callStartingIn(type, 7200);
        Visitor patient = signedIn("bill");
        assertThat(patient.byId("join-" + type + "-" + id)).isDisabled();
        assertThat(patient.page.locator("careclock-opens:has(#join-" + type + "-" + id + ") .opens-note"))
                .containsText("opens ");
        patient.open("/call/" + type + "/" + id);
        assertThat(patient.byId("waiting-room")).hasAttribute("data-opens-at",
                String.valueOf(call(type, id).opensAt().toEpochMilli()));
        assertThat(patient.byId("local-video")).hasCount(0);
        screenshot("not-open-yet", patient);
    }
}
