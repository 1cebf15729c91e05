package org.careclock.session;

import org.awaitility.Awaitility;
import org.careclock.audit.AuditEntry;
import org.careclock.audit.AuditService;
import org.careclock.base.Actor;
import org.careclock.call.CallDetails;
import org.careclock.call.CallService;
import org.careclock.call.CallState;
import org.careclock.call.EndReason;
import org.careclock.call.NewCall;
import org.careclock.calltype.CallTypeService;
import org.careclock.calltype.CallTypeSettings;
import org.careclock.testing.ClusterNodes;
import org.careclock.testing.TestCallTypes;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfEnvironmentVariable;
import org.springframework.context.ConfigurableApplicationContext;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Two nodes on one PostgreSQL; node A, which runs the calls, stops hard — its context closes
 * without ending a call or closing a page, as if its process were killed — and node B carries
 * on: a call due after the stop ends on time through its durable backstop, a patient whose node
 * died rejoins through B with the same deadline, and a call nobody attends any more ends by its
 * empty timeout once A's pages have expired. Runs when CARECLOCK_TEST_POSTGRES_URL names a database.
 */
@EnabledIfEnvironmentVariable(named = "CARECLOCK_TEST_POSTGRES_URL", matches = ".+")
class NodeFailoverTest {

    static final Duration GRACE = Duration.ofSeconds(1);
    static final Duration POLLING = Duration.ofMillis(500);
    static final Duration PRESENCE_TIMEOUT = Duration.ofSeconds(10);

    static ConfigurableApplicationContext nodeA;
    static ConfigurableApplicationContext nodeB;

    static ConfigurableApplicationContext node(String name) {
        return ClusterNodes.start(name, "--careclock.cluster.backstop-grace=" + GRACE.toMillis() + "ms",
                "--careclock.cluster.polling-interval=" + POLLING.toMillis() + "ms",
                "--careclock.cluster.sweep-interval=1s",
                "--careclock.session.presence-timeout=" + PRESENCE_TIMEOUT.toSeconds() + "s");
    }

    @BeforeAll
    static void startNodes() {
        nodeA = node("a");
        nodeB = node("b");
    }

    @AfterAll
    static void stopNodes() {
        ClusterNodes.stop(nodeB, nodeA);
    }

    @Test
    void when_the_node_running_the_calls_dies_the_other_node_ends_rejoins_and_empties_them() {
        String stamp = Long.toString(System.nanoTime());
        Actor doctor = Actor.user("dr-lecter", "specialist");
        Actor patient = Actor.user("bill", "patient");
        CallTypeSettings timed = TestCallTypes.standard("fail-timed-" + stamp, 5, 0, 0, 300);
        CallTypeSettings long_ = TestCallTypes.standard("fail-long-" + stamp, 3600, 0, 0, 300);
        CallTypeSettings untimed = TestCallTypes.standard("fail-untimed-" + stamp, 0, 0, 0, 1);
        for (CallTypeSettings type : List.of(timed, long_, untimed)) {
            nodeA.getBean(CallTypeService.class).create(Actor.api(), type);
            nodeA.getBean(CallService.class).create(Actor.api(),
                    new NewCall(type.name(), "visit", null, List.of("dr-lecter", "bill"), "dr-lecter", null, null));
        }
        List<SessionEvent> onB = Collections.synchronizedList(new ArrayList<>());
        nodeB.getBean(SessionEvents.class).subscribe(timed.name() + ":visit", onB::add);
        SessionTimerService timersA = nodeA.getBean(SessionTimerService.class);
        SessionTimerService timersB = nodeB.getBean(SessionTimerService.class);
        Instant deadline = timersA.join(doctor, timed.name(), "visit", null).session().timerEndsAt();
        Instant longDeadline = timersA.join(patient, long_.name(), "visit", null).session().timerEndsAt();
        timersA.join(doctor, untimed.name(), "visit", null);

        nodeA.close();

        // The timed call: its durable backstop, due GRACE after the deadline, is run by node B.
        Awaitility.await("node B ends the timed call").atMost(Duration.ofSeconds(20))
                .until(() -> onB.stream().anyMatch(e -> e instanceof SessionEvent.CallEnded));
        CallDetails ended = nodeB.getBean(CallService.class).getVisible(Actor.api(), timed.name(), "visit");
        assertThat(ended.endReason()).isEqualTo(EndReason.TIMER_EXPIRED);
        assertThat(Duration.between(deadline, ended.endedAt()))
                .as("failover lateness: the grace, one polling interval, and some slack for a busy machine")
                .isBetween(Duration.ZERO, GRACE.plus(POLLING).plusSeconds(2));
        assertThat(nodeB.getBean(AuditService.class).ofCall(Actor.api(), timed.name() + ":visit"))
                .extracting(AuditEntry::action).containsExactly("deadline-started", "ended");

        // The long call: the patient's page comes back through node B, to the same session and deadline.
        var rejoined = timersB.join(patient, long_.name(), "visit", null);
        assertThat(rejoined.session().timerEndsAt()).isEqualTo(longDeadline);
        assertThat(rejoined.session().state()).isEqualTo(CallState.IN_PROGRESS);

        // The untimed call: nobody serves it once node A's page expired; node B takes it over and
        // its empty timeout ends it.
        Awaitility.await("node B ends the call nobody attends").atMost(PRESENCE_TIMEOUT.plusSeconds(15))
                .until(() -> nodeB.getBean(CallService.class).getVisible(Actor.api(), untimed.name(), "visit")
                        .state() == CallState.ENDED);
        assertThat(nodeB.getBean(CallService.class).getVisible(Actor.api(), untimed.name(), "visit").endReason())
                .isEqualTo(EndReason.EMPTY_TIMEOUT);
    }
}
