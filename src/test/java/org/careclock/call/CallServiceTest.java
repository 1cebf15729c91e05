package org.careclock.call;

import org.careclock.base.ConflictException;
import org.careclock.base.InvalidInputException;
import org.careclock.base.NotFoundException;
import org.careclock.base.RefusedException;
import org.careclock.calltype.CallTypeService;
import org.careclock.calltype.CallTypeSettings;
import org.careclock.calltype.Capability;
import org.careclock.base.Actor;
import org.careclock.session.SessionTimerService;
import org.careclock.testing.SpringTest;
import org.careclock.user.RoleService;
import org.careclock.user.UserService;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;

import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class CallServiceTest extends SpringTest {

    static final Instant NEXT_WEEK = Instant.parse("2026-03-09T10:00:00Z");

    @Autowired
    CallService calls;
    @Autowired
    CallTypeService types;
    @Autowired
    RoleService roles;
    @Autowired
    SessionTimerService timers;

    /** A fresh type per test: specialists talk, extend and end; patients talk. */
    String type;

    @BeforeEach
    void freshType() {
        type = freshId("visit");
        types.create(admin(), CallTypeSettings.defaults(type, 1800).withGrants(Map.of(
                "specialist", EnumSet.of(Capability.JOIN_CALL, Capability.SEND_AUDIO, Capability.UPDATE_CALL,
                        Capability.UPDATE_CALL_SETTINGS, Capability.END_CALL),
                "patient", EnumSet.of(Capability.JOIN_CALL, Capability.SEND_AUDIO))));
    }

    Actor admin() {
        return actor("admin");
    }

    CallDetails schedule(String... members) {
        return calls.create(admin(), new NewCall(type, freshId("c"), "Check-up", List.of(members), null, NEXT_WEEK, null));
    }

    // ------------------------------------------------------------------ who sees what

    @Test
    void a_patient_lists_only_their_own_appointments() {
        CallDetails bills = schedule("dr-lecter", "bill");
        CallDetails clarices = schedule("dr-lecter", "clarice");

        assertThat(calls.listMine(actor("bill"))).extracting(CallDetails::cid)
                .contains(bills.cid()).doesNotContain(clarices.cid());
        assertThat(calls.listMine(actor("clarice"))).extracting(CallDetails::cid)
                .contains(clarices.cid()).doesNotContain(bills.cid());
    }

    @Test
    void another_patients_appointment_is_not_found_just_like_a_missing_one() {
        CallDetails bills = schedule("dr-lecter", "bill");

        assertThatThrownBy(() -> calls.getVisible(actor("clarice"), type, bills.id()))
                .isInstanceOf(NotFoundException.class).hasMessage(CallService.NOT_FOUND);
        assertThatThrownBy(() -> calls.getVisible(actor("clarice"), type, freshId("missing")))
                .isInstanceOf(NotFoundException.class).hasMessage(CallService.NOT_FOUND);
        assertThat(calls.findVisible(actor("clarice"), type, bills.id())).isEmpty();
        assertThat(calls.getVisible(actor("bill"), type, bills.id()).members()).containsExactlyInAnyOrder("dr-lecter", "bill");
    }

    @Test
    void a_specialist_who_is_not_a_member_does_not_see_the_appointment() {
        String other = freshId("dr");
        users.create(admin(), new UserService.UserForm(other, "Dr. Chilton", "specialist", true, "chilton-pass"));
        CallDetails call = schedule("dr-lecter", "bill");
        assertThat(calls.findVisible(actor(other), type, call.id())).isEmpty();
        assertThat(calls.listMine(actor(other))).isEmpty();
    }

    @Test
    void a_role_granted_read_call_sees_the_types_appointments_without_being_a_member() {
        String auditor = freshId("auditor");
        roles.create(admin(), auditor, "Reads calls");
        String reader = freshId("reader");
        users.create(admin(), new UserService.UserForm(reader, "Reader", auditor, true, "reader-pass"));
        CallTypeSettings current = types.get(type);
        Map<String, java.util.Set<Capability>> grants = new java.util.HashMap<>(current.grants());
        grants.put(auditor, EnumSet.of(Capability.READ_CALL));
        types.update(admin(), current.withGrants(grants));
        CallDetails call = schedule("dr-lecter", "bill");

        assertThat(calls.getVisible(actor(reader), type, call.id()).cid()).isEqualTo(call.cid());
        assertThat(calls.findVisible(actor(reader), "appointment", "test-call")).isEmpty();
    }

    @Test
    void the_admin_lists_every_appointment_but_is_not_implicitly_a_participant() {
        CallDetails bills = schedule("dr-lecter", "bill");
        CallDetails clarices = schedule("dr-lecter", "clarice");

        assertThat(calls.listAll(admin())).extracting(CallDetails::cid).contains(bills.cid(), clarices.cid(), "appointment:test-call");
        assertThat(calls.findVisible(admin(), type, bills.id())).isEmpty();
    }

    // ------------------------------------------------------------------ scheduling

    @Test
    void admin_schedules_an_appointment_with_members_start_and_override() {
        String id = freshId("Intake_A");
        CallDetails created = calls.create(admin(), new NewCall(type, id, "  Intake  ",
                List.of("dr-lecter", "bill", "dr-lecter"), null, NEXT_WEEK, 2400));

        assertThat(created.cid()).isEqualTo(type + ":" + id);
        assertThat(created.title()).isEqualTo("Intake");
        assertThat(created.members()).containsExactlyInAnyOrder("dr-lecter", "bill");
        assertThat(created.createdBy()).isEqualTo("admin");
        assertThat(created.scheduledStart()).isEqualTo(NEXT_WEEK);
        assertThat(created.maxDurationOverride()).isEqualTo(2400);
        assertThat(created.state()).isEqualTo(CallState.SCHEDULED);
        assertThat(created.session().maxDurationSeconds()).isEqualTo(2400);
        assertThat(calls.getVisible(actor("bill"), type, id)).usingRecursiveComparison().ignoringCollectionOrder().isEqualTo(created);
    }

    @Test
    void without_an_override_the_types_duration_applies() {
        assertThat(schedule("bill").session().maxDurationSeconds()).isEqualTo(1800);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "with space", "a:b", "slash/id", "ünicode"})
    void appointment_ids_outside_the_pattern_are_refused(String id) {
        assertThatThrownBy(() -> calls.create(admin(), new NewCall(type, id, null, List.of("bill"), null, null, null)))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.field()).isEqualTo("id"));
    }

    @Test
    void an_id_may_have_64_characters_but_not_65() {
        String longest = (freshId("L") + "x".repeat(64)).substring(0, 64);
        assertThat(calls.create(admin(), new NewCall(type, longest, null, List.of(), null, null, null)).id()).hasSize(64);
        assertThatThrownBy(() -> calls.create(admin(), new NewCall(type, longest + "x", null, List.of(), null, null, null)))
                .isInstanceOf(InvalidInputException.class);
    }

    @Test
    void an_unknown_type_is_not_found() {
        assertThatThrownBy(() -> calls.create(admin(), new NewCall(freshId("notype"), "x", null, List.of(), null, null, null)))
                .isInstanceOf(NotFoundException.class);
    }

    @Test
    void an_unknown_member_is_refused_and_nothing_is_created() {
        String id = freshId("c");
        assertThatThrownBy(() -> calls.create(admin(), new NewCall(type, id, null, List.of("bill", "nobody-" + id), null, null, null)))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.field()).isEqualTo("members"));
        assertThat(calls.listAll(admin())).extracting(CallDetails::id).doesNotContain(id);
    }

    @Test
    void a_title_longer_than_200_characters_is_refused() {
        assertThatThrownBy(() -> calls.create(admin(), new NewCall(type, freshId("c"), "t".repeat(201), List.of(), null, null, null)))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.field()).isEqualTo("title"));
    }

    @Test
    void an_override_outside_0_to_86400_is_refused() {
        assertThatThrownBy(() -> calls.create(admin(), new NewCall(type, freshId("c"), null, List.of(), null, null, -1)))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.field()).isEqualTo("max_duration_seconds"));
        assertThatThrownBy(() -> calls.create(admin(), new NewCall(type, freshId("c"), null, List.of(), null, null, 86_401)))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.field()).isEqualTo("max_duration_seconds"));
    }

    @Test
    void scheduling_a_taken_id_again_is_a_conflict() {
        CallDetails first = schedule("bill");
        assertThatThrownBy(() -> calls.create(admin(), new NewCall(type, first.id(), "Other", List.of("clarice"), null, null, null)))
                .isInstanceOf(ConflictException.class).hasMessageContaining("already exists");
        assertThat(calls.getVisible(actor("bill"), type, first.id()).title()).isEqualTo("Check-up");
    }

    @Test
    void a_role_granted_create_call_may_schedule() {
        CallTypeSettings current = types.get(type);
        EnumSet<Capability> patient = EnumSet.copyOf(current.grantsOf("patient"));
        patient.add(Capability.CREATE_CALL);
        Map<String, java.util.Set<Capability>> grants = new java.util.HashMap<>(current.grants());
        grants.put("patient", patient);
        types.update(admin(), current.withGrants(grants));

        CallDetails created = calls.create(actor("clarice"), new NewCall(type, freshId("self"), null, List.of("clarice"), null, null, null));
        assertThat(created.createdBy()).isEqualTo("clarice");
    }

    // ------------------------------------------------------------------ changing and deleting

    @Test
    void admin_changes_title_start_members_and_override() {
        CallDetails call = schedule("dr-lecter", "bill");
        Instant later = NEXT_WEEK.plusSeconds(3600);

        CallDetails changed = calls.update(admin(), call.cid(),
                new NewCall(type, call.id(), "Second opinion", List.of("dr-lecter", "clarice"), null, later, 900));

        assertThat(changed.title()).isEqualTo("Second opinion");
        assertThat(changed.scheduledStart()).isEqualTo(later);
        assertThat(changed.members()).containsExactlyInAnyOrder("dr-lecter", "clarice");
        assertThat(changed.maxDurationOverride()).isEqualTo(900);
        assertThat(calls.findVisible(actor("bill"), type, call.id())).isEmpty();
        assertThat(calls.getVisible(actor("clarice"), type, call.id())).usingRecursiveComparison().ignoringCollectionOrder().isEqualTo(changed);
    }

    @Test
    void a_running_sessions_duration_cannot_be_changed_from_the_admin_page_but_its_title_can() {
        CallDetails call = schedule("dr-lecter", "bill");
        timers.join(actor("dr-lecter"), type, call.id(), null);
        try {
            assertThatThrownBy(() -> calls.update(admin(), call.cid(),
                    new NewCall(type, call.id(), "Check-up", call.members(), null, NEXT_WEEK, 600)))
                    .isInstanceOf(RefusedException.class).hasMessageContaining("running");
            CallDetails renamed = calls.update(admin(), call.cid(),
                    new NewCall(type, call.id(), "Renamed", call.members(), null, NEXT_WEEK, null));
            assertThat(renamed.title()).isEqualTo("Renamed");
            assertThat(renamed.state()).isEqualTo(CallState.IN_PROGRESS);
        } finally {
            timers.end(actor("dr-lecter"), type, call.id());
        }
    }

    @Test
    void updating_an_unknown_appointment_is_not_found() {
        assertThatThrownBy(() -> calls.update(admin(), type + ":" + freshId("ghost"),
                new NewCall(type, "ghost", null, List.of(), null, null, null))).isInstanceOf(NotFoundException.class);
    }

    @Test
    void admin_deletes_a_scheduled_appointment() {
        CallDetails call = schedule("bill");
        calls.delete(admin(), call.cid());
        assertThat(calls.listAll(admin())).extracting(CallDetails::cid).doesNotContain(call.cid());
    }

    @Test
    void an_appointment_in_progress_cannot_be_deleted() {
        CallDetails call = schedule("dr-lecter", "bill");
        timers.join(actor("dr-lecter"), type, call.id(), null);
        try {
            assertThatThrownBy(() -> calls.delete(admin(), call.cid()))
                    .isInstanceOf(ConflictException.class).hasMessageContaining("in progress");
            assertThat(calls.listAll(admin())).extracting(CallDetails::cid).contains(call.cid());
        } finally {
            timers.end(actor("dr-lecter"), type, call.id());
        }
    }

    @Test
    void an_ended_appointment_can_be_deleted() {
        CallDetails call = schedule("dr-lecter", "bill");
        timers.join(actor("dr-lecter"), type, call.id(), null);
        timers.end(actor("dr-lecter"), type, call.id());
        calls.delete(admin(), call.cid());
        assertThat(calls.listAll(admin())).extracting(CallDetails::cid).doesNotContain(call.cid());
    }

    @Test
    void a_specialist_with_change_max_duration_sets_the_next_sessions_budget() {
        CallDetails call = schedule("dr-lecter", "bill");
        assertThat(calls.changeOverride(actor("dr-lecter"), call.cid(), 2700).session().maxDurationSeconds()).isEqualTo(2700);
        assertThatThrownBy(() -> calls.changeOverride(actor("dr-lecter"), call.cid(), 86_401))
                .isInstanceOf(InvalidInputException.class);
        assertThat(calls.changeOverride(actor("dr-lecter"), call.cid(), null).session().maxDurationSeconds()).isEqualTo(1800);
    }

    @Test
    void changing_the_override_of_someone_elses_appointment_is_not_found() {
        CallDetails call = schedule("dr-lecter", "bill");
        assertThatThrownBy(() -> calls.changeOverride(actor("clarice"), call.cid(), 600)).isInstanceOf(NotFoundException.class);
    }

    // ------------------------------------------------------------------ one refusal per guarded operation

    @Test
    void patient_cannot_list_all_appointments() {
        assertThatThrownBy(() -> calls.listAll(actor("bill"))).isInstanceOf(RefusedException.class);
    }

    @Test
    void patient_without_create_call_cannot_schedule() {
        String id = freshId("self");
        assertThatThrownBy(() -> calls.create(actor("bill"), new NewCall(type, id, null, List.of("bill"), null, null, null)))
                .isInstanceOf(RefusedException.class);
        assertThat(calls.listAll(admin())).extracting(CallDetails::id).doesNotContain(id);
    }

    @Test
    void specialist_cannot_update_an_appointment_from_the_admin_operation() {
        CallDetails call = schedule("dr-lecter", "bill");
        assertThatThrownBy(() -> calls.update(actor("dr-lecter"), call.cid(),
                new NewCall(type, call.id(), "Hijacked", List.of("dr-lecter"), null, null, null)))
                .isInstanceOf(RefusedException.class);
        assertThat(calls.getVisible(actor("bill"), type, call.id()).title()).isEqualTo("Check-up");
    }

    @Test
    void member_patient_cannot_delete_an_appointment() {
        CallDetails call = schedule("dr-lecter", "bill");
        assertThatThrownBy(() -> calls.delete(actor("bill"), call.cid())).isInstanceOf(RefusedException.class);
        assertThat(calls.findVisible(actor("bill"), type, call.id())).isPresent();
    }

    @Test
    void member_patient_without_change_max_duration_cannot_change_the_override() {
        CallDetails call = schedule("dr-lecter", "bill");
        assertThatThrownBy(() -> calls.changeOverride(actor("bill"), call.cid(), 7200)).isInstanceOf(RefusedException.class);
        assertThat(calls.getVisible(actor("bill"), type, call.id()).maxDurationOverride()).isNull();
    }
}
