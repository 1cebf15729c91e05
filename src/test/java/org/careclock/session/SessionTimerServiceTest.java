package org.careclock.session;

import org.careclock.audit.AuditEntry;
import org.careclock.audit.AuditService;
import org.careclock.base.InvalidInputException;
import org.careclock.base.NotFoundException;
import org.careclock.base.RefusedException;
import org.careclock.call.CallDetails;
import org.careclock.call.CallService;
import org.careclock.call.CallSessionStore;
import org.careclock.call.CallState;
import org.careclock.call.EndReason;
import org.careclock.call.NewCall;
import org.careclock.calltype.Capability;
import org.careclock.calltype.CallTypeService;
import org.careclock.calltype.CallTypeSettings;
import org.careclock.base.Actor;
import org.careclock.base.Roles;
import org.careclock.testing.SpringTest;
import org.careclock.testing.TestCallTypes;
import org.careclock.testing.VirtualScheduler;
import org.careclock.user.UserService;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The timer's rules on virtual time against the real database: an hour-long call runs in milliseconds. */
class SessionTimerServiceTest extends SpringTest {

    @Autowired SessionTimerService timers;
    @Autowired SessionEvents events;
    @Autowired CallService calls;
    @Autowired CallTypeService types;
    @Autowired CallSessionStore store;
    @Autowired AuditService audit;

    Actor admin;
    Actor doctor;
    Actor patient;
    String type;
    String id;
    String cid;
    final List<SessionEvent> seen = Collections.synchronizedList(new ArrayList<>());

    @BeforeEach
    void setUp() {
        admin = actor("admin");
        doctor = actor("dr-lecter");
        patient = actor("bill");
        type = freshId("tt");
        types.create(admin, typeSettings(type, 3600, 180, 60, 300));
        id = freshId("visit");
        cid = type + ":" + id;
        calls.create(admin, new NewCall(type, id, null, List.of("dr-lecter", "bill"), "dr-lecter", clock.instant(), null));
        events.subscribe(cid, seen::add);
    }

    static CallTypeSettings typeSettings(String name, int max, int idle, int prompt, int empty) {
        return TestCallTypes.standard(name, max, idle, prompt, empty);
    }

    <T extends SessionEvent> List<T> seen(Class<T> kind) {
        synchronized (seen) {
            return seen.stream().filter(kind::isInstance).map(kind::cast).toList();
        }
    }

    void advance(long seconds) {
        scheduler.advance(Duration.ofSeconds(seconds));
    }

    // ------------------------------------------------------------------ start, deadline, alerts, end

    @Test
    void session_starts_at_the_first_join_with_the_types_budget() {
        Instant start = clock.instant();
        SessionTimerService.Joined joined = timers.join(doctor, type, id, null);

        assertThat(joined.session().startedAt()).isEqualTo(start);
        assertThat(joined.session().timerEndsAt()).isEqualTo(start.plusSeconds(3600));
        assertThat(joined.capabilities()).contains(Capability.CHANGE_MAX_DURATION);
        assertThat(store.get(cid).state()).isEqualTo(CallState.IN_PROGRESS);
        advance(10);
        SessionTimerService.Joined second = timers.join(patient, type, id, null);
        assertThat(second.session().timerEndsAt()).as("the second join keeps the deadline").isEqualTo(start.plusSeconds(3600));
        assertThat(second.session().present()).extracting(Participant::userId).containsExactly("dr-lecter", "bill");
    }

    @Test
    void each_threshold_fires_once_at_its_instant_and_the_call_ends_at_zero() {
        Instant start = clock.instant();
        timers.join(doctor, type, id, null);
        timers.join(patient, type, id, null);

        advance(2399);
        assertThat(seen(SessionEvent.AlertRaised.class)).isEmpty();
        advance(1);
        assertThat(seen(SessionEvent.AlertRaised.class)).extracting(SessionEvent.AlertRaised::thresholdSeconds).containsExactly(1200);
        advance(900);
        assertThat(seen(SessionEvent.AlertRaised.class)).extracting(SessionEvent.AlertRaised::thresholdSeconds).containsExactly(1200, 300);
        advance(299);
        assertThat(seen(SessionEvent.CallEnded.class)).isEmpty();
        advance(1);

        assertThat(seen(SessionEvent.CallEnded.class)).singleElement().satisfies(e -> {
            assertThat(e.reason()).isEqualTo(EndReason.TIMER_EXPIRED);
            assertThat(e.at()).isEqualTo(start.plusSeconds(3600));
        });
        assertThat(store.get(cid).state()).isEqualTo(CallState.ENDED);
        assertThat(store.get(cid).endReason()).isEqualTo(EndReason.TIMER_EXPIRED);
        assertThat(timers.runtime(cid)).isEmpty();
    }

    @Test
    void an_extension_moves_the_deadline_for_everyone_and_rearms_thresholds_ahead_again() {
        Instant start = clock.instant();
        timers.join(doctor, type, id, null);
        timers.join(patient, type, id, null);
        advance(3400);
        assertThat(seen(SessionEvent.AlertRaised.class)).extracting(SessionEvent.AlertRaised::thresholdSeconds).containsExactly(1200, 300);

        SessionView after = timers.extend(doctor, type, id, 600);

        assertThat(after.timerEndsAt()).isEqualTo(start.plusSeconds(4200));
        assertThat(seen(SessionEvent.DeadlineChanged.class)).last().satisfies(e -> {
            assertThat(e.oldEndsAt()).isEqualTo(start.plusSeconds(3600));
            assertThat(e.newEndsAt()).isEqualTo(start.plusSeconds(4200));
            assertThat(e.actor()).isEqualTo("dr-lecter");
        });
        assertThat(seen(SessionEvent.AlertRaised.class)).as("only the most urgent passed threshold is shown, once")
                .extracting(SessionEvent.AlertRaised::thresholdSeconds).containsExactly(1200, 300, 1200);
        advance(499);
        assertThat(seen(SessionEvent.AlertRaised.class)).hasSize(3);
        advance(1);
        assertThat(seen(SessionEvent.AlertRaised.class)).extracting(SessionEvent.AlertRaised::thresholdSeconds).containsExactly(1200, 300, 1200, 300);
        advance(299);
        assertThat(seen(SessionEvent.CallEnded.class)).as("the old deadline no longer ends the call").isEmpty();
        advance(1);
        assertThat(seen(SessionEvent.CallEnded.class)).singleElement()
                .extracting(SessionEvent.CallEnded::reason).isEqualTo(EndReason.TIMER_EXPIRED);
    }

    @Test
    void two_simultaneous_extensions_both_count() throws Exception {
        Instant start = clock.instant();
        timers.join(doctor, type, id, null);
        CountDownLatch go = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            List<Future<SessionView>> results = new ArrayList<>();
            for (int i = 0; i < 2; i++) {
                results.add(pool.submit(() -> {
                    go.await();
                    return timers.extend(doctor, type, id, 600);
                }));
            }
            go.countDown();
            for (Future<SessionView> f : results) {
                f.get(10, TimeUnit.SECONDS);
            }
        } finally {
            pool.shutdownNow();
        }
        assertThat(store.get(cid).timerEndsAt()).isEqualTo(start.plusSeconds(3600 + 1200));
        assertThat(timers.view(doctor, type, id).timerEndsAt()).isEqualTo(start.plusSeconds(4800));
    }

    @Test
    void extension_limits_are_enforced() {
        timers.join(doctor, type, id, null);
        assertThatThrownBy(() -> timers.extend(doctor, type, id, 0)).isInstanceOf(InvalidInputException.class);
        assertThatThrownBy(() -> timers.extend(doctor, type, id, 86_401)).isInstanceOf(InvalidInputException.class);
        timers.extend(doctor, type, id, 86_400);
        assertThatThrownBy(() -> timers.extend(doctor, type, id, 1))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("at most");
        assertThat(store.get(cid).maxDurationSeconds()).isEqualTo(3600 + 86_400);
    }

    @Test
    void an_absolute_duration_that_ends_the_call_at_or_before_now_is_refused() {
        timers.join(doctor, type, id, null);
        timers.join(patient, type, id, null);
        advance(600);
        assertThatThrownBy(() -> timers.setMaxDuration(doctor, type, id, 600)).isInstanceOf(InvalidInputException.class);
        assertThatThrownBy(() -> timers.setMaxDuration(doctor, type, id, 300)).isInstanceOf(InvalidInputException.class);
        SessionView view = timers.setMaxDuration(doctor, type, id, 601);
        assertThat(view.timerEndsAt()).isEqualTo(view.startedAt().plusSeconds(601));
        advance(1);
        assertThat(seen(SessionEvent.CallEnded.class)).singleElement()
                .extracting(SessionEvent.CallEnded::reason).isEqualTo(EndReason.TIMER_EXPIRED);
    }

    @Test
    void patient_cannot_extend_or_end_even_straight_through_the_service() {
        timers.join(patient, type, id, null);
        assertThatThrownBy(() -> timers.extend(patient, type, id, 600)).isInstanceOf(RefusedException.class);
        assertThatThrownBy(() -> timers.setMaxDuration(patient, type, id, 7200)).isInstanceOf(RefusedException.class);
        assertThatThrownBy(() -> timers.end(patient, type, id)).isInstanceOf(RefusedException.class);
        assertThat(store.get(cid).state()).isEqualTo(CallState.IN_PROGRESS);
        assertThat(seen(SessionEvent.DeadlineChanged.class)).hasSize(1);
    }

    @Test
    void specialist_with_end_call_ends_the_call_for_everyone() {
        timers.join(doctor, type, id, null);
        timers.join(patient, type, id, null);
        timers.end(doctor, type, id);
        assertThat(seen(SessionEvent.CallEnded.class)).singleElement().satisfies(e -> {
            assertThat(e.reason()).isEqualTo(EndReason.ENDED_BY_USER);
            assertThat(e.actor()).isEqualTo("dr-lecter");
        });
        assertThatThrownBy(() -> timers.join(patient, type, id, null))
                .isInstanceOf(RefusedException.class).hasMessageContaining("ended");
    }

    @Test
    void editing_the_type_never_changes_a_running_deadline() {
        Instant start = clock.instant();
        timers.join(doctor, type, id, null);
        timers.join(patient, type, id, null);
        types.update(admin, typeSettings(type, 600, 180, 60, 300));
        advance(600);
        assertThat(seen(SessionEvent.CallEnded.class)).isEmpty();
        assertThat(timers.view(doctor, type, id).timerEndsAt()).isEqualTo(start.plusSeconds(3600));
    }

    // ------------------------------------------------------------------ join refusals and overrides

    @Test
    void a_non_member_gets_not_found_and_nothing_starts() {
        assertThatThrownBy(() -> timers.join(actor("clarice"), type, id, null)).isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> timers.join(actor("clarice"), type, "no-such-call", null)).isInstanceOf(NotFoundException.class);
        assertThat(store.get(cid).state()).isEqualTo(CallState.SCHEDULED);
    }

    @Test
    void joining_with_an_override_needs_update_call_and_update_call_settings() {
        assertThatThrownBy(() -> timers.join(patient, type, id, 7200))
                .isInstanceOf(RefusedException.class).hasMessageContaining("update-call");
        assertThat(store.get(cid).state()).as("the refused join did not happen").isEqualTo(CallState.SCHEDULED);
        assertThat(timers.present(cid)).isEmpty();

        Instant start = clock.instant();
        SessionTimerService.Joined joined = timers.join(doctor, type, id, 7200);
        assertThat(joined.session().timerEndsAt()).isEqualTo(start.plusSeconds(7200));
    }

    @Test
    void an_ended_call_can_be_joined_again_only_with_join_ended_call_and_then_gets_a_fresh_timer() {
        timers.join(doctor, type, id, null);
        timers.end(doctor, type, id);
        assertThatThrownBy(() -> timers.join(doctor, type, id, null)).isInstanceOf(RefusedException.class);

        CallTypeSettings withRejoin = typeSettings(type, 3600, 180, 60, 300);
        EnumSet<Capability> specialist = EnumSet.copyOf(withRejoin.grantsOf(Roles.SPECIALIST));
        specialist.add(Capability.JOIN_ENDED_CALL);
        types.update(admin, withRejoin.withGrants(Map.of(Roles.SPECIALIST, specialist,
                Roles.PATIENT, withRejoin.grantsOf(Roles.PATIENT))));
        advance(100);
        Instant restart = clock.instant();
        SessionTimerService.Joined joined = timers.join(doctor, type, id, null);
        assertThat(joined.session().startedAt()).isEqualTo(restart);
        assertThat(joined.session().timerEndsAt()).isEqualTo(restart.plusSeconds(3600));
    }

    // ------------------------------------------------------------------ presence, idle, empty

    @Test
    void a_user_counts_once_whatever_the_number_of_tabs() {
        Attendance tab1 = timers.join(doctor, type, id, null).attendance();
        Attendance tab2 = timers.join(doctor, type, id, null).attendance();
        assertThat(timers.present(cid)).extracting(Participant::userId).containsExactly("dr-lecter");
        timers.leave(tab1);
        assertThat(timers.present(cid)).extracting(Participant::userId).containsExactly("dr-lecter");
        timers.leave(tab2);
        assertThat(timers.present(cid)).isEmpty();
    }

    @Test
    void alone_participant_is_asked_and_the_call_ends_without_an_answer() {
        timers.join(doctor, type, id, null);
        advance(119);
        assertThat(seen(SessionEvent.IdlePromptShown.class)).isEmpty();
        advance(1);
        assertThat(seen(SessionEvent.IdlePromptShown.class)).singleElement().satisfies(e -> {
            assertThat(e.userId()).isEqualTo("dr-lecter");
            assertThat(e.answerBy()).isEqualTo(clock.instant().plusSeconds(60));
        });
        assertThat(timers.view(doctor, type, id).idlePrompt()).isNotNull();
        advance(59);
        assertThat(seen(SessionEvent.CallEnded.class)).isEmpty();
        advance(1);
        assertThat(seen(SessionEvent.CallEnded.class)).singleElement()
                .extracting(SessionEvent.CallEnded::reason).isEqualTo(EndReason.IDLE_TIMEOUT);
    }

    @Test
    void stay_restarts_the_alone_period() {
        Attendance me = timers.join(doctor, type, id, null).attendance();
        advance(130);
        timers.stay(me);
        assertThat(seen(SessionEvent.IdlePromptCancelled.class)).hasSize(1);
        advance(119);
        assertThat(seen(SessionEvent.IdlePromptShown.class)).hasSize(1);
        advance(1);
        assertThat(seen(SessionEvent.IdlePromptShown.class)).hasSize(2);
        advance(60);
        assertThat(seen(SessionEvent.CallEnded.class)).singleElement()
                .extracting(SessionEvent.CallEnded::reason).isEqualTo(EndReason.IDLE_TIMEOUT);
    }

    @Test
    void someone_joining_cancels_the_prompt_for_everyone() {
        timers.join(doctor, type, id, null);
        advance(125);
        assertThat(seen(SessionEvent.IdlePromptShown.class)).hasSize(1);
        timers.join(patient, type, id, null);
        assertThat(seen(SessionEvent.IdlePromptCancelled.class)).hasSize(1);
        advance(600);
        assertThat(seen(SessionEvent.CallEnded.class)).isEmpty();
        assertThat(timers.view(doctor, type, id).idlePrompt()).isNull();
    }

    @Test
    void leave_from_the_prompt_leaves_and_the_empty_call_ends_after_the_empty_timeout() {
        Attendance me = timers.join(doctor, type, id, null).attendance();
        advance(120);
        timers.leave(me);
        assertThat(timers.present(cid)).isEmpty();
        advance(299);
        assertThat(seen(SessionEvent.CallEnded.class)).isEmpty();
        advance(1);
        assertThat(seen(SessionEvent.CallEnded.class)).singleElement()
                .extracting(SessionEvent.CallEnded::reason).isEqualTo(EndReason.EMPTY_TIMEOUT);
    }

    @Test
    void a_member_who_reconnects_within_the_empty_timeout_keeps_the_same_session_and_deadline() {
        SessionTimerService.Joined first = timers.join(doctor, type, id, null);
        timers.leave(first.attendance());
        advance(200);
        SessionTimerService.Joined again = timers.join(doctor, type, id, null);
        timers.join(patient, type, id, null);
        assertThat(again.session().startedAt()).isEqualTo(first.session().startedAt());
        assertThat(again.session().timerEndsAt()).isEqualTo(first.session().timerEndsAt());
        advance(200);
        assertThat(seen(SessionEvent.CallEnded.class)).isEmpty();
    }

    /** A service with the production presence timeout and its own virtual scheduler. */
    SessionTimerService withPresenceTimeout(VirtualScheduler own, Duration timeout) {
        return TimerAssembly.of(calls, store, types, users, events, own, clock, timeout).timers();
    }

    @Test
    void a_page_without_heartbeats_is_taken_as_gone_within_the_presence_timeout() {
        VirtualScheduler own = new VirtualScheduler(clock);
        SessionTimerService service = withPresenceTimeout(own, Duration.ofSeconds(30));
        Attendance doctorTab = service.join(doctor, type, id, null).attendance();
        service.join(patient, type, id, null);
        for (int i = 0; i < 2; i++) {
            own.advance(Duration.ofSeconds(10));
            service.heartbeat(doctorTab);
        }
        own.advance(Duration.ofSeconds(9));
        assertThat(service.present(cid)).extracting(Participant::userId).containsExactly("dr-lecter", "bill");
        own.advance(Duration.ofSeconds(1));
        assertThat(service.present(cid)).as("the patient's browser vanished 30 s ago")
                .extracting(Participant::userId).containsExactly("dr-lecter");
    }

    @Test
    void heartbeats_keep_a_page_present() {
        VirtualScheduler own = new VirtualScheduler(clock);
        SessionTimerService service = withPresenceTimeout(own, Duration.ofSeconds(30));
        Attendance tab = service.join(doctor, type, id, null).attendance();
        for (int i = 0; i < 12; i++) {
            own.advance(Duration.ofSeconds(10));
            service.heartbeat(tab);
        }
        assertThat(service.present(cid)).extracting(Participant::userId).containsExactly("dr-lecter");
        own.advance(Duration.ofSeconds(30));
        assertThat(service.present(cid)).isEmpty();
    }

    // ------------------------------------------------------------------ exactly once, restart, audit

    @Test
    void racing_triggers_end_the_call_exactly_once() throws Exception {
        Instant start = clock.instant();
        timers.join(doctor, type, id, null);
        timers.join(patient, type, id, null);
        advance(3599);
        CountDownLatch go = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(3);
        try {
            List<Future<?>> futures = new ArrayList<>();
            futures.add(pool.submit(() -> { go.await(); advance(1); return null; }));
            for (int i = 0; i < 2; i++) {
                futures.add(pool.submit(() -> {
                    go.await();
                    try {
                        timers.end(doctor, type, id);
                    } catch (RefusedException alreadyEnded) {
                        // the other trigger won
                    }
                    return null;
                }));
            }
            go.countDown();
            for (Future<?> f : futures) {
                f.get(10, TimeUnit.SECONDS);
            }
        } finally {
            pool.shutdownNow();
        }
        assertThat(seen(SessionEvent.CallEnded.class)).hasSize(1);
        assertThat(audit.ofCall(admin, cid)).filteredOn(e -> e.action().equals("ended")).hasSize(1);
        assertThat(store.end(cid, start, EndReason.ENDED_BY_USER, clock.instant()))
                .as("the guarded end refuses a second end of the same session").isFalse();
    }

    @Test
    void after_a_restart_overdue_sessions_end_at_once_and_the_others_are_scheduled_again() {
        String otherId = freshId("visit");
        calls.create(admin, new NewCall(type, otherId, null, List.of("dr-lecter", "bill"), "dr-lecter", clock.instant(), 600));
        Instant start = clock.instant();
        timers.join(doctor, type, id, null);
        timers.join(doctor, type, otherId, null);
        List<SessionEvent> afterRestart = Collections.synchronizedList(new ArrayList<>());
        events.subscribe(type + ":" + otherId, afterRestart::add);

        // The process dies: the old service and its scheduled tasks are gone. Time passes.
        VirtualScheduler freshScheduler = new VirtualScheduler(clock);
        clock.set(start.plusSeconds(900));
        TimerAssembly restartedProcess = TimerAssembly.of(calls, store, types, users, events, freshScheduler, clock,
                Duration.ofDays(7));
        SessionTimerService restarted = restartedProcess.timers();
        restartedProcess.loader().recover();

        assertThat(store.get(type + ":" + otherId).state()).as("its 600 s ran out while the server was down").isEqualTo(CallState.ENDED);
        assertThat(store.get(type + ":" + otherId).endReason()).isEqualTo(EndReason.TIMER_EXPIRED);
        assertThat(store.get(cid).state()).isEqualTo(CallState.IN_PROGRESS);
        assertThat(restarted.view(doctor, type, id).timerEndsAt()).isEqualTo(start.plusSeconds(3600));

        // Nobody came back: the empty timeout (counted from the restart) ends the surviving call.
        freshScheduler.advance(Duration.ofSeconds(300));
        assertThat(store.get(cid).state()).isEqualTo(CallState.ENDED);
        assertThat(store.get(cid).endReason()).isEqualTo(EndReason.EMPTY_TIMEOUT);
    }

    @Test
    void every_deadline_change_and_the_end_are_audited_with_who_and_old_and_new_deadline() {
        Instant start = clock.instant();
        timers.join(doctor, type, id, null);
        timers.extend(doctor, type, id, 600);
        timers.end(doctor, type, id);
        List<AuditEntry> entries = audit.ofCall(admin, cid);
        assertThat(entries).extracting(AuditEntry::action).containsExactly("deadline-started", "deadline-extended", "ended");
        assertThat(entries.get(1).actor()).isEqualTo("dr-lecter");
        assertThat(entries.get(1).oldEndsAt()).isEqualTo(start.plusSeconds(3600));
        assertThat(entries.get(1).newEndsAt()).isEqualTo(start.plusSeconds(4200));
        assertThat(entries.get(2).detail()).isEqualTo("ENDED_BY_USER");
    }

    @Test
    void a_call_without_a_timer_runs_until_ended_and_cannot_be_extended() {
        String noLimit = freshId("nolimit");
        types.create(admin, typeSettings(noLimit, 0, 0, 0, 300));
        calls.create(admin, new NewCall(noLimit, id, null, List.of("dr-lecter", "bill"), null, null, null));
        SessionTimerService.Joined joined = timers.join(doctor, noLimit, id, null);
        assertThat(joined.session().timerEndsAt()).isNull();
        assertThatThrownBy(() -> timers.extend(doctor, noLimit, id, 600)).isInstanceOf(RefusedException.class);
        advance(86_400);
        assertThat(store.get(noLimit + ":" + id).state()).as("no timer and idle off: the call runs on")
                .isEqualTo(CallState.IN_PROGRESS);
    }

    @Test
    void the_end_withdraws_every_planned_record_and_leaving_keeps_the_subscriptions_of_others() {
        Attendance a = timers.join(doctor, type, id, null).attendance();
        Attendance b = timers.join(patient, type, id, null).attendance();
        assertThat(scheduler.pending(cid)).as("deadline, two alerts and two page checks are planned").isEqualTo(5);
        timers.end(doctor, type, id);
        assertThat(scheduler.pending(cid)).as("nothing of the call is left in the scheduler").isZero();
        timers.leave(a);
        timers.leave(b);
        assertThat(scheduler.pending(cid)).isZero();
        assertThat(timers.runtime(cid)).isEmpty();
        assertThat(events.subscriberCount(cid)).as("the test's own listener still hears the call").isEqualTo(1);
        assertThat(calls.getVisible(doctor, type, id).state()).isEqualTo(CallState.ENDED);
    }

    @Test
    void one_more_than_max_participants_is_refused_at_join_but_a_second_tab_is_not() {
        String small = freshId("pair");
        types.create(admin, TestCallTypes.standard(small, 3600, 180, 60, 300).withMaxParticipants(2));
        String pairId = freshId("visit");
        calls.create(admin, new NewCall(small, pairId, null, List.of("dr-lecter", "bill", "clarice"), "dr-lecter",
                clock.instant(), null));
        timers.join(doctor, small, pairId, null);
        timers.join(patient, small, pairId, null);
        timers.join(patient, small, pairId, null);
        assertThatThrownBy(() -> timers.join(actor("clarice"), small, pairId, null))
                .isInstanceOf(RefusedException.class).hasMessageContaining("2 participants");
        assertThat(timers.present(small + ":" + pairId)).extracting(Participant::userId).containsExactly("dr-lecter", "bill");
    }
}
