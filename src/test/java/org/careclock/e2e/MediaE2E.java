package org.careclock.e2e;

import com.microsoft.playwright.assertions.LocatorAssertions;
import org.careclock.base.Actor;
import org.careclock.base.Roles;
import org.careclock.call.CallState;
import org.careclock.call.EndReason;
import org.careclock.calltype.Capability;
import org.careclock.calltype.CallTypeSettings;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Audio and video between two real Chromium pages with fake camera and microphone: media flows
 * both ways (measured through {@code getStats}), the switches stop what the other side
 * receives, capabilities decide what a page asks the browser for, a refused camera leaves the
 * call running, a page that goes offline comes back without rejoining, and the timer's end
 * stops every camera and closes every connection. {@code e2e/media-probe.js} watches the pages
 * through the standard APIs only.
 */
class MediaE2E extends BrowserTestBase {

    static final String PROBE = resource("/e2e/media-probe.js");
    static final Duration MEDIA = Duration.ofSeconds(20);
    static final LocatorAssertions.HasAttributeOptions CONNECTED = new LocatorAssertions.HasAttributeOptions()
            .setTimeout(MEDIA.toMillis());

    Visitor inCall(String userId, String type, String id, String extraScript) {
        Visitor v = visitor(userId, userId, PROBE + (extraScript == null ? "" : extraScript)).signIn(PASSWORD);
        v.openCall(type, id);
        return v;
    }

    @Test
    void two_people_see_and_hear_each_other_switch_off_and_the_end_stops_every_camera() {
        String type = newCallType(600, List.of(60), List.of(60), 0, 0, 300);
        String id = newCall(type, "Video consultation", "dr-lecter", "bill");
        Visitor doctor = inCall("dr-lecter", type, id, null);
        long secondJoin = System.currentTimeMillis();
        Visitor patient = inCall("bill", type, id, null);

        assertThat(doctor.byId("remote-video-bill")).hasAttribute("data-peer-state", "connected", CONNECTED);
        assertThat(patient.byId("remote-video-dr-lecter")).hasAttribute("data-peer-state", "connected", CONNECTED);
        awaitFlowing(doctor, "video");
        awaitFlowing(patient, "video");
        report("first remote frame on both pages %d ms after the second join", System.currentTimeMillis() - secondJoin);
        awaitFlowing(doctor, "audio");
        awaitFlowing(patient, "audio");
        screenshot("both-see-each-other", doctor, patient);

        // The doctor switches the camera off: the patient receives no more frames and sees the name instead.
        doctor.byId("toggle-video").click();
        assertThat(doctor.byId("toggle-video")).hasAttribute("aria-pressed", "true");
        assertThat(patient.page.locator("[data-user='dr-lecter'].media-tile")).hasAttribute("data-video", "off");
        awaitStopped(patient, "video");
        assertThat(doctor.page.evaluate("() => window.__media.liveTracks()")).asList().containsExactly("audio");
        screenshot("doctor-camera-off", patient);
        doctor.byId("toggle-video").click();
        assertThat(patient.page.locator("[data-user='dr-lecter'].media-tile")).hasAttribute("data-video", "on");
        awaitFlowing(patient, "video");

        // The patient mutes: the doctor receives no more audio and sees the microphone off.
        patient.byId("toggle-audio").click();
        assertThat(patient.byId("toggle-audio")).hasAttribute("aria-pressed", "true");
        assertThat(doctor.page.locator("[data-user='bill'].media-tile")).hasAttribute("data-audio", "off");
        awaitStopped(doctor, "audio");
        patient.byId("toggle-audio").click();
        awaitFlowing(doctor, "audio");

        // The timer runs out: every local track ends and every connection closes at once, on both pages.
        timers.setMaxDuration(Actor.api(), type, id,
                (int) Duration.between(call(type, id).session().startedAt(), Instant.now()).toSeconds() + 3);
        for (Visitor v : List.of(doctor, patient)) {
            assertThat(v.byId("call-ended")).isVisible(new com.microsoft.playwright.assertions.LocatorAssertions
                    .IsVisibleOptions().setTimeout(10_000));
        }
        Instant endedAt = call(type, id).endedAt();
        assertThat(call(type, id).endReason()).isEqualTo(EndReason.TIMER_EXPIRED);
        for (Visitor v : List.of(doctor, patient)) {
            assertThat(v.page.evaluate("() => window.__media.liveTracks()")).as(v.userId + "'s live tracks").asList().isEmpty();
            assertThat(((Number) v.page.evaluate("() => window.__media.openConnections()")).intValue()).isZero();
            long lastStop = ((Number) v.page.evaluate("() => window.__media.lastStop()")).longValue();
            report("%s: last track stopped / connection closed %d ms after the end", v.userId,
                    lastStop - endedAt.toEpochMilli());
            assertThat(lastStop - endedAt.toEpochMilli()).as(v.userId + ": media stopped within 1 s of the end")
                    .isLessThan(1_000);
        }
    }

    @Test
    void a_role_without_send_video_asks_for_no_camera_and_sends_no_video() {
        String type = "e2e-audio-" + System.nanoTime();
        callTypes.create(Actor.api(), new CallTypeSettings(type, 600,
                Map.of(Roles.SPECIALIST, SPECIALIST,
                        Roles.PATIENT, EnumSet.of(Capability.JOIN_CALL, Capability.SEND_AUDIO)),
                List.of(60), List.of(60), 0, 0, 300));
        String id = newCall(type, "Audio only for the patient", "dr-lecter", "bill");
        Visitor doctor = inCall("dr-lecter", type, id, null);
        Visitor patient = inCall("bill", type, id, null);

        assertThat(doctor.byId("remote-video-bill")).hasAttribute("data-peer-state", "connected", CONNECTED);
        awaitFlowing(doctor, "audio");
        awaitFlowing(patient, "video");
        assertThat(patient.page.evaluate("() => window.__media.constraints")).asList()
                .as("the patient's page never asked for a camera")
                .allSatisfy(c -> assertThat(((Map<?, ?>) c).get("video")).isEqualTo(false));
        assertThat(patient.byId("toggle-video")).isHidden();
        assertThat(doctor.page.locator("[data-user='bill'].media-tile")).hasAttribute("data-video", "off");
        assertThat(((Number) inbound(doctor).get("video")).longValue()).as("no video frame from the patient").isZero();
        screenshot("patient-audio-only", doctor, patient);
    }

    @Test
    void a_refused_camera_shows_what_to_do_and_the_call_goes_on() {
        String type = newCallType(600, List.of(60), List.of(60), 0, 0, 300);
        String id = newCall(type, "Camera refused", "dr-lecter", "bill");
        Visitor doctor = inCall("dr-lecter", type, id, null);
        Visitor patient = inCall("bill", type, id, "window.__refuseMedia = true;");

        assertThat(patient.byId("media-error")).isVisible();
        assertThat(patient.byId("media-error")).containsText("did not allow");
        assertThat(patient.byId("remote-video-dr-lecter")).hasAttribute("data-peer-state", "connected", CONNECTED);
        awaitFlowing(patient, "video");
        Visitor.Reading before = patient.read();
        patient.awaitNextSecond(before);
        screenshot("camera-refused", patient);
        assertThat(call(type, id).state()).isEqualTo(CallState.IN_PROGRESS);
    }

    @Test
    void a_page_that_goes_offline_and_back_reconnects_without_rejoining() {
        String type = newCallType(600, List.of(60), List.of(60), 0, 0, 300);
        String id = newCall(type, "Network drop", "dr-lecter", "bill");
        Visitor doctor = inCall("dr-lecter", type, id, null);
        Visitor patient = inCall("bill", type, id, null);
        assertThat(patient.byId("remote-video-dr-lecter")).hasAttribute("data-peer-state", "connected", CONNECTED);
        awaitFlowing(patient, "video");
        String page = patient.byId("media").getAttribute("data-page");

        patient.context.setOffline(true);
        patient.page.waitForTimeout(3_000);
        patient.context.setOffline(false);

        assertThat(patient.byId("remote-video-dr-lecter")).hasAttribute("data-peer-state", "connected", CONNECTED);
        assertThat(doctor.byId("remote-video-bill")).hasAttribute("data-peer-state", "connected", CONNECTED);
        awaitFlowing(patient, "video");
        awaitFlowing(doctor, "video");
        assertThat(patient.byId("media").getAttribute("data-page")).as("the same attendance, no rejoin").isEqualTo(page);
        assertThat(timers.present(type + ":" + id)).hasSize(2);
    }

    // ------------------------------------------------------------------ helpers

    static Map<?, ?> inbound(Visitor v) {
        return (Map<?, ?>) v.page.evaluate("() => window.__media.inbound()");
    }

    /** Waits until the page's received frames (video) or packets (audio) keep increasing. */
    static void awaitFlowing(Visitor v, String kind) {
        long[] last = {-1};
        awaitServer(v.userId + " receives " + kind, MEDIA, () -> {
            long now = ((Number) inbound(v).get(kind)).longValue();
            boolean growing = last[0] >= 0 && now > last[0];
            last[0] = now;
            return growing;
        });
    }

    /** Waits until the page's received frames or packets stop increasing (twice the same over 600 ms). */
    static void awaitStopped(Visitor v, String kind) {
        long[] last = {-1};
        long[] since = {0};
        awaitServer(v.userId + " no longer receives " + kind, MEDIA, () -> {
            long now = ((Number) inbound(v).get(kind)).longValue();
            long t = System.currentTimeMillis();
            if (now != last[0]) {
                last[0] = now;
                since[0] = t;
                return false;
            }
            return t - since[0] >= 600;
        });
    }

    static String resource(String path) {
        try (InputStream in = MediaE2E.class.getResourceAsStream(path)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
