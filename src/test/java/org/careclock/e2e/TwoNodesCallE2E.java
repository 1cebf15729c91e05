package org.careclock.e2e;

import com.microsoft.playwright.assertions.LocatorAssertions;
import org.careclock.base.Actor;
import org.careclock.base.Roles;
import org.careclock.call.CallService;
import org.careclock.call.CallState;
import org.careclock.call.EndReason;
import org.careclock.call.NewCall;
import org.careclock.calltype.CallTypeService;
import org.careclock.calltype.CallTypeSettings;
import org.careclock.session.SessionTimerService;
import org.careclock.testing.ClusterNodes;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfEnvironmentVariable;
import org.springframework.context.ConfigurableApplicationContext;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * One call served by two nodes on one PostgreSQL: the doctor's browser on node A, the patient's
 * on node B. They see and hear each other (signalling crosses the nodes), the doctor's extension
 * reaches the patient's page on the other node at once, and the end stops both cameras. Runs
 * when CARECLOCK_TEST_POSTGRES_URL names a database ({@code .ci/run} starts one).
 */
@EnabledIfEnvironmentVariable(named = "CARECLOCK_TEST_POSTGRES_URL", matches = ".+")
class TwoNodesCallE2E extends BrowserTestBase {

    static ConfigurableApplicationContext nodeA;
    static ConfigurableApplicationContext nodeB;

    @BeforeAll
    static void startNodes() {
        nodeA = ClusterNodes.start("a", "--careclock.session.presence-timeout=30s");
        nodeB = ClusterNodes.start("b", "--careclock.session.presence-timeout=30s");
    }

    @AfterAll
    static void stopNodes() {
        ClusterNodes.stop(nodeB, nodeA);
    }

    @Test
    void a_doctor_on_node_a_and_a_patient_on_node_b_are_in_one_call() {
        String type = "two-nodes-e2e-" + System.nanoTime();
        nodeA.getBean(CallTypeService.class).create(Actor.api(), new CallTypeSettings(type, 600,
                Map.of(Roles.SPECIALIST, SPECIALIST, Roles.PATIENT, PATIENT), List.of(30), List.of(60), 0, 0, 300));
        nodeA.getBean(CallService.class).create(Actor.api(), new NewCall(type, "visit", "Video consultation",
                List.of("dr-lecter", "bill"), "dr-lecter", Instant.now().plusSeconds(60), null));

        Visitor doctor = visitorAt(ClusterNodes.baseUrl(nodeA), "dr-lecter", "dr-lecter-on-a", MediaE2E.PROBE)
                .signIn(PASSWORD);
        doctor.openCall(type, "visit");
        Visitor patient = visitorAt(ClusterNodes.baseUrl(nodeB), "bill", "bill-on-b", MediaE2E.PROBE).signIn(PASSWORD);
        patient.openCall(type, "visit");

        // One presence: each page lists both people, though each node serves one of them.
        for (Visitor v : List.of(doctor, patient)) {
            assertThat(v.page.locator("#participants [data-user='dr-lecter']")).isVisible();
            assertThat(v.page.locator("#participants [data-user='bill']")).isVisible();
        }
        LocatorAssertions.HasAttributeOptions media = MediaE2E.CONNECTED;
        assertThat(doctor.byId("remote-video-bill")).hasAttribute("data-peer-state", "connected", media);
        assertThat(patient.byId("remote-video-dr-lecter")).hasAttribute("data-peer-state", "connected", media);
        MediaE2E.awaitFlowing(doctor, "video");
        MediaE2E.awaitFlowing(patient, "video");
        MediaE2E.awaitFlowing(patient, "audio");
        screenshot("both-nodes-see-each-other", doctor, patient);

        // The doctor extends on node A; the patient's page on node B takes the new deadline.
        SessionTimerService timersA = nodeA.getBean(SessionTimerService.class);
        long deadline = timersA.view(Actor.api(), type, "visit").timerEndsAt().toEpochMilli();
        patient.page.evaluate("before => { const c = document.getElementById('countdown');"
                + " new MutationObserver(() => { if (c.getAttribute('data-ends-at') !== before"
                + " && !window.careclockDeadlineSeenAt) window.careclockDeadlineSeenAt = Date.now(); })"
                + ".observe(c, {attributes: true, attributeFilter: ['data-ends-at']}); }", String.valueOf(deadline));
        long clickedAt = System.currentTimeMillis();
        doctor.byId("extend-60").click();
        assertThat(patient.countdown()).hasAttribute("data-ends-at", String.valueOf(deadline + 60_000),
                new LocatorAssertions.HasAttributeOptions().setTimeout(Visitor.PUSH.toMillis()));
        long seenAt = ((Number) patient.page.evaluate("() => window.careclockDeadlineSeenAt")).longValue();
        report("extension on node A to the new deadline on the page of node B: %d ms", seenAt - clickedAt);

        // The deadline is brought to a few seconds from now on node A: both pages end, both cameras stop.
        timersA.setMaxDuration(Actor.api(), type, "visit", (int) Duration.between(
                timersA.view(Actor.api(), type, "visit").startedAt(), Instant.now()).toSeconds() + 3);
        for (Visitor v : List.of(doctor, patient)) {
            assertThat(v.byId("call-ended")).isVisible(new LocatorAssertions.IsVisibleOptions().setTimeout(15_000));
            assertThat(v.page.evaluate("() => window.__media.liveTracks()")).as(v.userId + "'s live tracks")
                    .asList().isEmpty();
        }
        var ended = nodeB.getBean(CallService.class).getVisible(Actor.api(), type, "visit");
        assertThat(ended.state()).isEqualTo(CallState.ENDED);
        assertThat(ended.endReason()).isEqualTo(EndReason.TIMER_EXPIRED);
    }
}
