package org.careclock.session;

import org.careclock.testing.TestCallTypes;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The plan of a session and its one staleness rule, alone: no Spring, no database, no clock. */
class CallRuntimePlanTest {

    static final Instant START = Instant.parse("2026-03-02T09:00:00Z");
    static final String CID = "appointment:plan";

    /** Records what was scheduled and withdrawn. */
    static final class RecordingScheduler implements TimerScheduler {
        final List<Due> scheduled = new ArrayList<>();
        final List<Due> withdrawn = new ArrayList<>();

        @Override
        public void dispatchTo(Dispatcher dispatcher) {
        }

        @Override
        public Scheduled schedule(Due due) {
            scheduled.add(due);
            return () -> withdrawn.add(due);
        }
    }

    RecordingScheduler scheduler;
    CallRuntime rt;

    @BeforeEach
    void running() {
        scheduler = new RecordingScheduler();
        rt = new CallRuntime(CID);
        rt.startedAt = START;
        rt.type = TestCallTypes.standard("plan", 3600, 180, 60, 300);
        rt.endsAt = START.plusSeconds(3600);
        rt.phase = CallRuntime.Phase.RUNNING;
    }

    @Test
    void the_record_planned_in_its_slot_is_current_once() {
        Due deadline = new Due.DeadlineDue(CID, START, rt.endsAt);
        rt.plan(deadline, scheduler);
        assertThat(rt.takeIfCurrent(deadline)).isTrue();
        assertThat(rt.takeIfCurrent(deadline)).as("a record runs once").isFalse();
    }

    @Test
    void planning_a_new_record_in_a_slot_withdraws_and_outdates_the_old_one() {
        Due first = new Due.DeadlineDue(CID, START, rt.endsAt);
        Due moved = new Due.DeadlineDue(CID, START, rt.endsAt.plusSeconds(600));
        rt.plan(first, scheduler);
        rt.plan(moved, scheduler);
        assertThat(scheduler.withdrawn).containsExactly(first);
        assertThat(rt.takeIfCurrent(first)).as("the deadline moved").isFalse();
        assertThat(rt.takeIfCurrent(moved)).isTrue();
    }

    @Test
    void an_equal_record_of_another_session_is_stale() {
        rt.plan(new Due.AlertDue(CID, START, rt.endsAt, 300), scheduler);
        assertThat(rt.takeIfCurrent(new Due.AlertDue(CID, START.minusSeconds(1), rt.endsAt, 300))).isFalse();
    }

    @Test
    void nothing_is_current_once_the_session_has_ended() {
        Due empty = new Due.EmptyEndDue(CID, START, START, START.plusSeconds(300));
        rt.plan(empty, scheduler);
        rt.phase = CallRuntime.Phase.ENDED;
        assertThat(rt.takeIfCurrent(empty)).isFalse();
    }

    @Test
    void the_idle_prompt_and_the_idle_end_share_one_slot() {
        Due prompt = new Due.IdlePromptDue(CID, START, START, START.plusSeconds(120));
        rt.plan(prompt, scheduler);
        assertThat(rt.takeIfCurrent(prompt)).isTrue();
        Due end = new Due.IdleEndDue(CID, START, "bill", START.plusSeconds(180));
        rt.plan(end, scheduler);
        rt.unplan("idle");
        assertThat(scheduler.withdrawn).containsExactly(end);
        assertThat(rt.takeIfCurrent(end)).as("Stay withdrew it").isFalse();
    }

    @Test
    void unplanning_the_alerts_leaves_the_deadline() {
        Due deadline = new Due.DeadlineDue(CID, START, rt.endsAt);
        rt.plan(deadline, scheduler);
        rt.plan(new Due.AlertDue(CID, START, rt.endsAt, 1200), scheduler);
        rt.plan(new Due.AlertDue(CID, START, rt.endsAt, 300), scheduler);
        rt.unplanAlerts();
        assertThat(rt.plannedCount()).isEqualTo(1);
        assertThat(rt.planned("deadline")).isEqualTo(deadline);
        assertThat(scheduler.withdrawn).hasSize(2).allMatch(d -> d instanceof Due.AlertDue);
    }

    @Test
    void the_whole_plan_is_withdrawn_at_the_end() {
        rt.plan(new Due.DeadlineDue(CID, START, rt.endsAt), scheduler);
        rt.plan(new Due.PageLivenessDue(CID, START, 7, START.plusSeconds(30)), scheduler);
        rt.unplanAll();
        assertThat(rt.plannedCount()).isZero();
        assertThat(scheduler.withdrawn).hasSize(2);
    }

    @Test
    void each_record_is_due_at_its_own_instant() {
        Instant endsAt = rt.endsAt;
        assertThat(new Due.DeadlineDue(CID, START, endsAt).at()).isEqualTo(endsAt);
        assertThat(new Due.AlertDue(CID, START, endsAt, 300).at()).isEqualTo(endsAt.minusSeconds(300));
        assertThat(new Due.AlertDue(CID, START, endsAt, 300).slot()).isEqualTo("alert:300");
        assertThat(new Due.PageLivenessDue(CID, START, 7, START).slot()).isEqualTo("page:7");
    }
}
