package org.careclock.session;

import org.careclock.audit.AuditService;
import org.careclock.base.Actor;
import org.careclock.base.RefusedException;
import org.careclock.base.Roles;
import org.careclock.call.CallService;
import org.careclock.call.CallSessionStore;
import org.careclock.call.CallState;
import org.careclock.call.NewCall;
import org.careclock.calltype.Backstage;
import org.careclock.calltype.Capability;
import org.careclock.calltype.CallTypeService;
import org.careclock.testing.SpringTest;
import org.careclock.testing.TestCallTypes;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The waiting room and go-live on virtual time against the real database. */
class BackstageServiceTest extends SpringTest {

    @Autowired BackstageService backstage;
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
    Instant startsAt;
    final List<SessionEvent> seen = Collections.synchronizedList(new ArrayList<>());

    @BeforeEach
    void setUp() {
        admin = actor("admin");
        doctor = actor("dr-lecter");
        patient = actor("bill");
        type = freshId("wait");
        types.create(admin, TestCallTypes.withWaitingRoom(type, 3600, 900));
        id = freshId("visit");
        cid = type + ":" + id;
        startsAt = clock.instant().plus(Duration.ofHours(1));
        calls.create(admin, new NewCall(type, id, null, List.of("dr-lecter", "bill"), "dr-lecter", startsAt, null));
        events.subscribe(cid, seen::add);
    }

    <T extends SessionEvent> List<T> seen(Class<T> kind) {
        synchronized (seen) {
            return seen.stream().filter(kind::isInstance).map(kind::cast).toList();
        }
    }

    @Test
    void before_the_opening_time_a_patient_is_told_when_it_opens() {
        var arrival = backstage.arrive(patient, type, id);
        assertThat(arrival).isInstanceOfSatisfying(BackstageService.NotYet.class, notYet -> {
            assertThat(notYet.opensAt()).isEqualTo(startsAt.minusSeconds(900));
            assertThat(notYet.hosts()).containsExactly("Dr. Hannibal Lecter");
        });
        assertThat(backstage.waiting(doctor, type, id)).isEmpty();
    }

    @Test
    void waiting_starts_no_session_no_timer_and_no_idle_prompt() {
        clock.set(startsAt.minusSeconds(900));
        var arrival = backstage.arrive(patient, type, id);
        assertThat(arrival).isInstanceOf(BackstageService.InWaitingRoom.class);
        scheduler.advance(Duration.ofHours(2));
        assertThat(store.get(cid).state()).isEqualTo(CallState.SCHEDULED);
        assertThat(scheduler.pending(cid)).isZero();
        assertThat(seen(SessionEvent.IdlePromptShown.class)).isEmpty();
        assertThat(seen(SessionEvent.DeadlineChanged.class)).isEmpty();
        assertThat(backstage.waiting(doctor, type, id)).extracting(Waiting::userId).containsExactly("bill");
        assertThatThrownBy(() -> timers.join(patient, type, id, null)).as("nobody joins before it is live")
                .isInstanceOf(RefusedException.class);
        assertThatThrownBy(() -> timers.join(doctor, type, id, null)).isInstanceOf(RefusedException.class);
    }

    @Test
    void go_live_starts_the_session_at_that_instant_and_admits_everyone_waiting() {
        clock.set(startsAt.minusSeconds(300));
        var waiting = (BackstageService.InWaitingRoom) backstage.arrive(patient, type, id);
        scheduler.advance(Duration.ofSeconds(420));
        Instant pressed = clock.instant();
        var arrival = backstage.arrive(doctor, type, id);
        assertThat(arrival).isInstanceOfSatisfying(BackstageService.Hosting.class,
                b -> assertThat(b.waiting()).extracting(Waiting::userId).containsExactly("bill"));

        backstage.goLive(doctor, type, id);

        assertThat(store.get(cid).state()).isEqualTo(CallState.IN_PROGRESS);
        assertThat(store.get(cid).startedAt()).isEqualTo(pressed);
        assertThat(store.get(cid).timerEndsAt()).as("the full hour from the press").isEqualTo(pressed.plusSeconds(3600));
        assertThat(seen(SessionEvent.WentLive.class)).singleElement().satisfies(e -> {
            assertThat(e.actor()).isEqualTo("dr-lecter");
            assertThat(e.admitted()).extracting(Waiting::userId).containsExactly("bill");
        });
        assertThat(backstage.waiting(doctor, type, id)).as("the room is empty once admitted").isEmpty();
        // The waiting page joins as it hears the call went live.
        backstage.leave(waiting.ticket());
        var joined = timers.join(patient, type, id, null);
        assertThat(joined.session().timerEndsAt()).isEqualTo(pressed.plusSeconds(3600));
        assertThat(audit.ofCall(admin, cid)).filteredOn(e -> e.action().equals("started")).singleElement()
                .satisfies(e -> {
                    assertThat(e.actor()).isEqualTo("dr-lecter");
                    assertThat(e.detail()).isEqualTo("bill waited 420 s");
                });
    }

    @Test
    void leaving_the_waiting_room_takes_one_off_the_list_at_once_and_a_user_counts_once() {
        clock.set(startsAt);
        var first = (BackstageService.InWaitingRoom) backstage.arrive(patient, type, id);
        var second = (BackstageService.InWaitingRoom) backstage.arrive(patient, type, id);
        assertThat(backstage.waiting(doctor, type, id)).hasSize(1);
        backstage.leave(first.ticket());
        assertThat(backstage.waiting(doctor, type, id)).as("another tab still waits").hasSize(1);
        backstage.leave(second.ticket());
        assertThat(backstage.waiting(doctor, type, id)).isEmpty();
        assertThat(seen(SessionEvent.WaitingChanged.class).getLast().waiting()).isEmpty();
    }

    @Test
    void a_waiting_page_without_heartbeats_is_dropped_after_the_presence_timeout() {
        clock.set(startsAt);
        var gone = (BackstageService.InWaitingRoom) backstage.arrive(patient, type, id);
        clock.set(startsAt.plus(Duration.ofDays(8)));
        var other = (BackstageService.InWaitingRoom) backstage.arrive(actor("bill"), type, id);
        backstage.heartbeat(other.ticket());
        assertThat(backstage.waiting(doctor, type, id)).singleElement()
                .satisfies(w -> assertThat(w.since()).isEqualTo(startsAt.plus(Duration.ofDays(8))));
        assertThat(gone.ticket().token()).isNotEqualTo(other.ticket().token());
    }

    @Test
    void the_patient_learns_that_the_clinician_has_seen_them() {
        clock.set(startsAt);
        backstage.arrive(patient, type, id);
        assertThat(backstage.waiting(doctor, type, id)).singleElement().satisfies(w -> assertThat(w.noticed()).isFalse());
        Runnable stop = backstage.watch(doctor, type, id);
        assertThat(seen(SessionEvent.WaitingChanged.class).getLast().waiting()).singleElement()
                .satisfies(w -> assertThat(w.noticed()).isTrue());
        stop.run();
    }

    @Test
    void two_staff_pressing_at_once_start_one_session() throws Exception {
        clock.set(startsAt);
        CountDownLatch go = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(2);
        List<Future<Boolean>> presses = new ArrayList<>();
        try {
            for (int i = 0; i < 2; i++) {
                presses.add(pool.submit(() -> {
                    go.await();
                    try {
                        backstage.goLive(doctor, type, id);
                        return true;
                    } catch (RefusedException liveAlready) {
                        return false;
                    }
                }));
            }
            go.countDown();
            int started = 0;
            for (Future<Boolean> f : presses) {
                started += f.get(10, TimeUnit.SECONDS) ? 1 : 0;
            }
            assertThat(started).isEqualTo(1);
        } finally {
            pool.shutdownNow();
        }
        assertThat(seen(SessionEvent.WentLive.class)).hasSize(1);
        assertThat(seen(SessionEvent.DeadlineChanged.class)).filteredOn(e -> e.action().equals("started")).hasSize(1);
    }

    @Test
    void go_live_is_refused_to_a_patient_on_a_live_call_and_on_an_ended_call() {
        clock.set(startsAt);
        assertThatThrownBy(() -> backstage.goLive(patient, type, id)).isInstanceOf(RefusedException.class);
        assertThatThrownBy(() -> backstage.waiting(patient, type, id)).isInstanceOf(RefusedException.class);
        assertThat(store.get(cid).state()).isEqualTo(CallState.SCHEDULED);
        backstage.goLive(doctor, type, id);
        assertThatThrownBy(() -> backstage.goLive(doctor, type, id)).isInstanceOf(RefusedException.class)
                .hasMessageContaining("live already");
        timers.end(doctor, type, id);
        assertThatThrownBy(() -> backstage.goLive(doctor, type, id)).isInstanceOf(RefusedException.class)
                .hasMessageContaining("ended");
    }

    @Test
    void without_a_waiting_room_the_first_join_starts_the_session_as_in_the_seeds() {
        String plain = freshId("seed");
        types.create(admin, TestCallTypes.standard(plain, 3600, 180, 60, 300));
        calls.create(admin, new NewCall(plain, id, null, List.of("dr-lecter", "bill"), "dr-lecter", startsAt, null));
        assertThat(backstage.arrive(patient, plain, id)).isInstanceOf(BackstageService.Live.class);
        var joined = timers.join(patient, plain, id, null);
        assertThat(joined.session().startedAt()).isEqualTo(clock.instant());
    }

    @Test
    void a_call_without_a_start_opens_at_any_time_and_a_call_may_override_its_types_waiting_room() {
        String unscheduled = freshId("any");
        calls.create(admin, new NewCall(type, unscheduled, null, List.of("dr-lecter", "bill"), "dr-lecter", null, null));
        assertThat(backstage.arrive(patient, type, unscheduled)).isInstanceOf(BackstageService.InWaitingRoom.class);
        calls.changeBackstage(Actor.api(), type + ":" + unscheduled, Backstage.OFF);
        assertThat(backstage.arrive(patient, type, unscheduled)).isInstanceOf(BackstageService.Live.class);
    }
}
