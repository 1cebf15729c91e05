package org.careclock.session;

import org.careclock.audit.AuditEntry;
import org.careclock.audit.AuditService;
import org.careclock.base.Actor;
import org.careclock.base.ConflictException;
import org.careclock.base.NotFoundException;
import org.careclock.base.RefusedException;
import org.careclock.call.CallService;
import org.careclock.call.NewCall;
import org.careclock.calltype.CallTypeService;
import org.careclock.testing.SpringTest;
import org.careclock.testing.TestCallTypes;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** "Ask for more time" on virtual time against the real database. */
class TimeRequestsTest extends SpringTest {

    @Autowired SessionTimerService timers;
    @Autowired TimeRequests requests;
    @Autowired SessionEvents events;
    @Autowired CallService calls;
    @Autowired CallTypeService types;
    @Autowired AuditService audit;

    Actor doctor;
    Actor patient;
    String type;
    String id;
    String cid;
    Attendance patientsPage;
    final List<SessionEvent> seen = Collections.synchronizedList(new ArrayList<>());

    @BeforeEach
    void setUp() {
        doctor = actor("dr-lecter");
        patient = actor("bill");
        type = freshId("ask");
        types.create(actor("admin"), TestCallTypes.standard(type, 1800, 0, 0, 300));
        id = freshId("visit");
        cid = type + ":" + id;
        calls.create(actor("admin"), new NewCall(type, id, null, List.of("dr-lecter", "bill"), "dr-lecter",
                clock.instant(), null));
        events.subscribe(cid, seen::add);
        timers.join(doctor, type, id, null);
        patientsPage = timers.join(patient, type, id, null).attendance();
    }

    <T extends SessionEvent> List<T> seen(Class<T> kind) {
        synchronized (seen) {
            return seen.stream().filter(kind::isInstance).map(kind::cast).toList();
        }
    }

    @Test
    void a_patient_asks_once_the_doctor_grants_and_the_call_is_extended() {
        requests.ask(patient, patientsPage, "Buffalo Bill");

        assertThat(seen(SessionEvent.TimeAsked.class)).singleElement()
                .satisfies(e -> assertThat(e.userId()).isEqualTo("bill"));
        assertThat(requests.pending(cid)).extracting(TimeRequests.Request::displayName).containsExactly("Buffalo Bill");
        assertThatThrownBy(() -> requests.ask(patient, patientsPage, "Buffalo Bill"))
                .as("one request at a time").isInstanceOf(ConflictException.class);

        var before = timers.view(doctor, type, id).timerEndsAt();
        requests.answer(doctor, type, id, "bill", 600);

        assertThat(timers.view(doctor, type, id).timerEndsAt()).isEqualTo(before.plusSeconds(600));
        assertThat(seen(SessionEvent.TimeAnswered.class)).singleElement().satisfies(e -> {
            assertThat(e.granted()).isTrue();
            assertThat(e.seconds()).isEqualTo(600);
            assertThat(e.actor()).isEqualTo("dr-lecter");
        });
        assertThat(requests.pending(cid)).isEmpty();
        assertThatThrownBy(() -> requests.answer(doctor, type, id, "bill", 600))
                .as("answered already").isInstanceOf(NotFoundException.class);
        assertThat(audit.ofCall(actor("admin"), cid)).extracting(AuditEntry::action)
                .containsSubsequence("time-asked", "deadline-extended", "time-granted");

        requests.ask(patient, patientsPage, "Buffalo Bill");
        assertThat(requests.pending(cid)).as("answered, the patient may ask again").hasSize(1);
    }

    @Test
    void declining_answers_without_extending_and_any_extension_answers_pending_requests() {
        var before = timers.view(doctor, type, id).timerEndsAt();
        requests.ask(patient, patientsPage, "Buffalo Bill");
        requests.answer(doctor, type, id, "bill", 0);
        assertThat(timers.view(doctor, type, id).timerEndsAt()).isEqualTo(before);
        assertThat(seen(SessionEvent.TimeAnswered.class)).singleElement()
                .satisfies(e -> assertThat(e.granted()).isFalse());

        requests.ask(patient, patientsPage, "Buffalo Bill");
        timers.extend(doctor, type, id, 300);
        assertThat(seen(SessionEvent.TimeAnswered.class)).hasSize(2).last()
                .satisfies(e -> assertThat(e.granted()).isTrue())
                .satisfies(e -> assertThat(e.seconds()).isEqualTo(300));
        assertThat(requests.pending(cid)).isEmpty();
        assertThat(audit.ofCall(actor("admin"), cid)).extracting(AuditEntry::action)
                .containsSubsequence("time-asked", "time-declined", "time-asked", "deadline-extended", "time-granted");
    }

    @Test
    void who_may_extend_does_not_ask_who_may_not_does_not_answer_and_requests_lapse_at_the_end() {
        Attendance doctorsPage = timers.join(doctor, type, id, null).attendance();
        assertThatThrownBy(() -> requests.ask(doctor, doctorsPage, "Dr. Hannibal Lecter"))
                .isInstanceOf(RefusedException.class).hasMessageContaining("extend the call yourself");
        assertThatThrownBy(() -> requests.ask(patient, doctorsPage, "Buffalo Bill"))
                .as("not their page").isInstanceOf(RefusedException.class);

        requests.ask(patient, patientsPage, "Buffalo Bill");
        assertThatThrownBy(() -> requests.answer(patient, type, id, "bill", 600))
                .isInstanceOf(RefusedException.class);

        scheduler.advance(Duration.ofSeconds(1801));
        assertThat(requests.pending(cid)).as("the session ended").isEmpty();
        assertThatThrownBy(() -> requests.ask(patient, patientsPage, "Buffalo Bill"))
                .isInstanceOf(RefusedException.class).hasMessageContaining("not in progress");
    }
}
