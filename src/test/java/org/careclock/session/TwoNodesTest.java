package org.careclock.session;

import org.awaitility.Awaitility;
import org.careclock.audit.AuditEntry;
import org.careclock.audit.AuditService;
import org.careclock.base.Actor;
import org.careclock.call.CallService;
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
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Two CareClock nodes in one JVM, each a whole application context with its own web server,
 * sharing one PostgreSQL database with {@code careclock.cluster.enabled=true}: a page on node B
 * hears what happens to a call that node A runs, and the audit log records it once. Runs when
 * CARECLOCK_TEST_POSTGRES_URL names a database (.ci/run starts one).
 */
@EnabledIfEnvironmentVariable(named = "CARECLOCK_TEST_POSTGRES_URL", matches = ".+")
class TwoNodesTest {

    static ConfigurableApplicationContext nodeA;
    static ConfigurableApplicationContext nodeB;

    @BeforeAll
    static void startNodes() {
        nodeA = ClusterNodes.start("a");
        nodeB = ClusterNodes.start("b");
    }

    @AfterAll
    static void stopNodes() {
        ClusterNodes.stop(nodeB, nodeA);
    }

    @Test
    void an_extension_on_node_a_reaches_a_page_on_node_b_and_is_audited_once() {
        String type = "two-nodes-" + System.nanoTime();
        String id = "visit";
        String cid = type + ":" + id;
        nodeA.getBean(CallTypeService.class).create(Actor.api(), TestCallTypes.standard(type, 3600, 0, 0, 300));
        nodeA.getBean(CallService.class).create(Actor.api(),
                new NewCall(type, id, null, List.of("dr-lecter", "bill"), "dr-lecter", null, null));
        List<SessionEvent> onB = Collections.synchronizedList(new ArrayList<>());
        nodeB.getBean(SessionEvents.class).subscribe(cid, onB::add);

        SessionTimerService timersA = nodeA.getBean(SessionTimerService.class);
        Actor doctor = Actor.user("dr-lecter", "specialist");
        timersA.join(doctor, type, id, null);
        var extended = timersA.extend(doctor, type, id, 600);

        Awaitility.await("node B's page hears the extension").atMost(Duration.ofSeconds(10)).until(() ->
                onB.stream().anyMatch(e -> e instanceof SessionEvent.DeadlineChanged d && "extended".equals(d.action())));
        assertThat(onB).filteredOn(e -> e instanceof SessionEvent.DeadlineChanged d && "extended".equals(d.action()))
                .singleElement().isInstanceOfSatisfying(SessionEvent.DeadlineChanged.class,
                        d -> assertThat(d.newEndsAt()).isEqualTo(extended.timerEndsAt()));
        assertThat(onB).anyMatch(e -> e instanceof SessionEvent.PresenceChanged);

        timersA.end(doctor, type, id);
        Awaitility.await("node B's page hears the end").atMost(Duration.ofSeconds(10))
                .until(() -> onB.stream().anyMatch(e -> e instanceof SessionEvent.CallEnded));
        List<AuditEntry> audit = nodeB.getBean(AuditService.class).ofCall(Actor.api(), cid);
        assertThat(audit).extracting(AuditEntry::action).containsExactly("deadline-started", "deadline-extended", "ended");
    }

    @Test
    void both_nodes_run_the_call_and_it_ends_once_at_the_deadline_moved_on_node_a() {
        String type = "race-" + System.nanoTime();
        String id = "visit";
        String cid = type + ":" + id;
        CallTypeSettings standard = TestCallTypes.standard(type, 4, 0, 0, 300);
        nodeA.getBean(CallTypeService.class).create(Actor.api(), new CallTypeSettings(type, 4, standard.grants(),
                List.of(2), List.of(60), 0, 0, 300));
        nodeA.getBean(CallService.class).create(Actor.api(),
                new NewCall(type, id, null, List.of("dr-lecter", "bill"), "dr-lecter", null, null));
        List<SessionEvent> onB = Collections.synchronizedList(new ArrayList<>());
        nodeB.getBean(SessionEvents.class).subscribe(cid, onB::add);
        SessionTimerService timersA = nodeA.getBean(SessionTimerService.class);
        SessionTimerService timersB = nodeB.getBean(SessionTimerService.class);
        Actor doctor = Actor.user("dr-lecter", "specialist");

        timersA.join(doctor, type, id, null);
        timersB.join(Actor.user("bill", "patient"), type, id, null);
        assertThat(timersB.runtime(cid)).as("node B runs the call for its page").isPresent();
        var extended = timersA.extend(doctor, type, id, 3);

        Awaitility.await("node B's page hears the end").atMost(Duration.ofSeconds(20))
                .until(() -> onB.stream().anyMatch(e -> e instanceof SessionEvent.CallEnded));
        var call = nodeB.getBean(CallService.class).getVisible(Actor.api(), type, id);
        assertThat(call.endedAt()).as("ended at the moved deadline, not node B's first one")
                .isAfterOrEqualTo(extended.timerEndsAt());
        assertThat(nodeB.getBean(AuditService.class).ofCall(Actor.api(), cid)).extracting(AuditEntry::action)
                .containsExactly("deadline-started", "deadline-extended", "ended");
        assertThat(onB).as("node B's page hears its own node's alert of the moved deadline, once")
                .filteredOn(e -> e instanceof SessionEvent.AlertRaised).singleElement()
                .isEqualTo(new SessionEvent.AlertRaised(cid, 2, extended.timerEndsAt()));
    }

    @Test
    void pages_on_both_nodes_are_one_presence_and_signal_each_other_across_nodes() {
        String type = "presence-" + System.nanoTime();
        String id = "visit";
        String cid = type + ":" + id;
        nodeA.getBean(CallTypeService.class).create(Actor.api(), TestCallTypes.standard(type, 3600, 180, 60, 300));
        nodeA.getBean(CallService.class).create(Actor.api(),
                new NewCall(type, id, null, List.of("dr-lecter", "bill"), "dr-lecter", null, null));
        List<SessionEvent> onA = Collections.synchronizedList(new ArrayList<>());
        nodeA.getBean(SessionEvents.class).subscribe(cid, onA::add);
        SessionTimerService timersA = nodeA.getBean(SessionTimerService.class);
        SessionTimerService timersB = nodeB.getBean(SessionTimerService.class);

        var doctor = timersA.join(Actor.user("dr-lecter", "specialist"), type, id, null).attendance();
        var patient = timersB.join(Actor.user("bill", "patient"), type, id, null).attendance();
        var patientsSecondTab = timersA.join(Actor.user("bill", "patient"), type, id, null).attendance();
        timersA.leave(patientsSecondTab);

        Awaitility.await("both nodes see both users, each once").atMost(Duration.ofSeconds(10)).until(() ->
                timersA.present(cid).size() == 2 && timersB.present(cid).size() == 2);
        assertThat(timersB.present(cid)).extracting(Participant::userId).containsExactlyInAnyOrder("dr-lecter", "bill");
        assertThat(timersA.runtime(cid).orElseThrow().prompt).as("nobody is alone").isNull();
        MediaService mediaB = nodeB.getBean(MediaService.class);
        Awaitility.await("node B knows the doctor's media page on node A").atMost(Duration.ofSeconds(10))
                .until(() -> mediaB.peers(cid).stream().anyMatch(p -> p.page() == doctor.token()));

        mediaB.signal(patient, doctor.token(), SignalKind.CANDIDATE, "{\"candidate\":\"\"}");
        Awaitility.await("the doctor's page on node A hears the patient's page on node B").atMost(Duration.ofSeconds(10))
                .until(() -> onA.stream().anyMatch(e -> e instanceof SessionEvent.SignalRelayed r
                        && r.toPage() == doctor.token() && r.fromPage() == patient.token()));

        timersB.leave(patient);
        Awaitility.await("node A sees the patient leave").atMost(Duration.ofSeconds(10))
                .until(() -> timersA.present(cid).size() == 1);
        assertThat(timersA.runtime(cid).orElseThrow().planned("idle"))
                .as("the doctor, alone, will be asked by the node that serves the doctor's page").isNotNull();
        assertThat(timersB.runtime(cid).orElseThrow().planned("idle")).as("and only by that node").isNull();
    }
}
