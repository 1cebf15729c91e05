package org.careclock.calltype;

import org.careclock.base.ConflictException;
import org.careclock.base.InvalidInputException;
import org.careclock.base.NotFoundException;
import org.careclock.base.RefusedException;
import org.careclock.call.CallService;
import org.careclock.call.NewCall;
import org.careclock.base.Actor;
import org.careclock.session.SessionTimerService;
import org.careclock.testing.SpringTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;

import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class CallTypeServiceTest extends SpringTest {

    @Autowired
    CallTypeService types;
    @Autowired
    CallService calls;
    @Autowired
    SessionTimerService timers;

    Actor admin() {
        return actor("admin");
    }

    CallTypeSettings type(String name) {
        return CallTypeSettings.defaults(name, 1800);
    }

    CallTypeSettings with(CallTypeSettings t, int max, List<Integer> alerts, List<Integer> steps,
                          int idle, int prompt, int empty) {
        return new CallTypeSettings(t.name(), max, t.grants(), alerts, steps, idle, prompt, empty);
    }

    void assertRefusedAt(String field, CallTypeSettings settings) {
        assertThatThrownBy(() -> types.create(admin(), settings))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.field()).isEqualTo(field));
        assertThat(types.find(settings.name())).isEmpty();
    }

    @Test
    void the_seeds_appointment_type_exists_with_an_hour_and_the_setup_grants() {
        CallTypeSettings appointment = types.get("appointment");
        assertThat(appointment.maxDurationSeconds()).isEqualTo(3600);
        assertThat(appointment.alertThresholdsSeconds()).containsExactly(1200, 300);
        assertThat(appointment.extensionStepsSeconds()).containsExactly(600, 1800);
        assertThat(appointment.idleTimeoutSeconds()).isEqualTo(180);
        assertThat(appointment.idlePromptSeconds()).isEqualTo(60);
        assertThat(appointment.grantsOf("patient"))
                .containsExactlyInAnyOrder(Capability.JOIN_CALL, Capability.SEND_AUDIO, Capability.SEND_VIDEO);
        assertThat(types.capabilitiesOf("appointment", "specialist")).contains(Capability.CHANGE_MAX_DURATION);
        assertThat(types.capabilitiesOf("appointment", "patient")).doesNotContain(Capability.CHANGE_MAX_DURATION);
    }

    @Test
    void admin_creates_a_type_stored_in_canonical_order() {
        String name = freshId("consult");
        CallTypeSettings created = types.create(admin(), with(type(name), 2700, List.of(60, 600, 300), List.of(1800, 300),
                120, 30, 240).withGrants(Map.of("patient", EnumSet.of(Capability.JOIN_CALL))));

        assertThat(created.alertThresholdsSeconds()).containsExactly(600, 300, 60);
        assertThat(created.extensionStepsSeconds()).containsExactly(300, 1800);
        assertThat(types.get(name)).isEqualTo(created);
        assertThat(created.grants()).isEqualTo(Map.of("patient", Set.of(Capability.JOIN_CALL)));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "Video", "video call", "video:call", "vidéo", "video/1"})
    void names_outside_the_pattern_are_refused(String name) {
        assertRefusedAt("name", type(name));
    }

    @Test
    void a_name_may_have_64_characters_and_start_with_a_digit() {
        String longest = (freshId("9") + "n".repeat(64)).substring(0, 64);
        assertThat(types.create(admin(), type(longest)).name()).hasSize(64);
        assertRefusedAt("name", type(longest + "n"));
    }

    @Test
    void a_taken_name_is_a_conflict() {
        assertThatThrownBy(() -> types.create(admin(), type("appointment")))
                .isInstanceOf(ConflictException.class).hasMessageContaining("already exists");
        assertThat(types.get("appointment").maxDurationSeconds()).isEqualTo(3600);
    }

    @Test
    void the_name_cannot_change_an_update_of_an_unknown_name_is_not_found() {
        assertThatThrownBy(() -> types.update(admin(), type(freshId("renamed"))))
                .isInstanceOf(NotFoundException.class);
    }

    @Test
    void update_or_delete_without_a_name_is_not_found() {
        assertThatThrownBy(() -> types.update(admin(), type(null))).isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> types.delete(admin(), null)).isInstanceOf(NotFoundException.class);
    }

    @Test
    void max_duration_is_0_for_no_timer_or_1_to_86400() {
        String none = freshId("notimer");
        assertThat(types.create(admin(), CallTypeSettings.defaults(none, 0)).maxDurationSeconds()).isZero();
        String day = freshId("day");
        assertThat(types.create(admin(), CallTypeSettings.defaults(day, 86_400)).maxDurationSeconds()).isEqualTo(86_400);
        assertRefusedAt("max_duration_seconds", CallTypeSettings.defaults(freshId("neg"), -1));
        assertRefusedAt("max_duration_seconds", CallTypeSettings.defaults(freshId("long"), 86_401));
    }

    @Test
    void alert_thresholds_are_each_within_1_to_86400() {
        CallTypeSettings t = type(freshId("alerts"));
        assertRefusedAt("alert_thresholds_seconds", with(t, 1800, List.of(0), List.of(600), 180, 60, 300));
        assertRefusedAt("alert_thresholds_seconds", with(t, 1800, List.of(300, 86_401), List.of(600), 180, 60, 300));
        assertThat(types.create(admin(), with(t, 1800, List.of(1, 86_400), List.of(600), 180, 60, 300))
                .alertThresholdsSeconds()).containsExactly(86_400, 1);
    }

    @Test
    void alert_thresholds_may_not_repeat() {
        assertThatThrownBy(() -> types.create(admin(),
                with(type(freshId("twice")), 1800, List.of(300, 1200, 300), List.of(600), 180, 60, 300)))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> {
                    assertThat(e.field()).isEqualTo("alert_thresholds_seconds");
                    assertThat(e.getMessage()).contains("300 twice");
                });
    }

    @Test
    void extension_steps_follow_the_same_rules() {
        CallTypeSettings t = type(freshId("steps"));
        assertRefusedAt("extension_steps_seconds", with(t, 1800, List.of(300), List.of(600, 600), 180, 60, 300));
        assertRefusedAt("extension_steps_seconds", with(t, 1800, List.of(300), List.of(0), 180, 60, 300));
        assertRefusedAt("extension_steps_seconds", with(t, 1800, List.of(300), List.of(86_401), 180, 60, 300));
    }

    @Test
    void no_alerts_and_no_extension_steps_are_allowed() {
        CallTypeSettings created = types.create(admin(), with(type(freshId("bare")), 1800, List.of(), List.of(), 180, 60, 300));
        assertThat(created.alertThresholdsSeconds()).isEmpty();
        assertThat(created.extensionStepsSeconds()).isEmpty();
    }

    @Test
    void the_idle_prompt_must_be_shorter_than_the_idle_timeout() {
        CallTypeSettings t = type(freshId("idle"));
        assertRefusedAt("idle_prompt_seconds", with(t, 1800, List.of(300), List.of(600), 60, 60, 300));
        assertRefusedAt("idle_prompt_seconds", with(t, 1800, List.of(300), List.of(600), 60, 90, 300));
        assertRefusedAt("idle_prompt_seconds", with(t, 1800, List.of(300), List.of(600), 60, 0, 300));
        assertThat(types.create(admin(), with(t, 1800, List.of(300), List.of(600), 60, 59, 300)).idlePromptSeconds())
                .isEqualTo(59);
    }

    @Test
    void an_idle_timeout_of_0_turns_the_question_off() {
        CallTypeSettings created = types.create(admin(), with(type(freshId("noidle")), 1800, List.of(300), List.of(600), 0, 0, 300));
        assertThat(created.idleTimeoutSeconds()).isZero();
        assertRefusedAt("idle_timeout_seconds", with(type(freshId("negidle")), 1800, List.of(300), List.of(600), -1, 0, 300));
        assertRefusedAt("idle_timeout_seconds", with(type(freshId("dayidle")), 1800, List.of(300), List.of(600), 86_401, 60, 300));
    }

    @Test
    void the_empty_timeout_is_1_to_86400() {
        assertRefusedAt("empty_timeout_seconds", with(type(freshId("empty0")), 1800, List.of(300), List.of(600), 180, 60, 0));
        assertRefusedAt("empty_timeout_seconds", with(type(freshId("emptyday")), 1800, List.of(300), List.of(600), 180, 60, 86_401));
    }

    @Test
    void grants_naming_an_unknown_role_are_refused() {
        assertRefusedAt("grants", type(freshId("ghostrole"))
                .withGrants(Map.of("surgeon-" + freshId("x"), EnumSet.of(Capability.JOIN_CALL))));
    }

    @Test
    void the_derived_capability_cannot_be_granted() {
        CallTypeSettings t = type(freshId("derived")).withGrants(Map.of("specialist",
                EnumSet.of(Capability.JOIN_CALL, Capability.CHANGE_MAX_DURATION)));
        assertThatThrownBy(() -> types.create(admin(), t))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> {
                    assertThat(e.field()).isEqualTo("grants");
                    assertThat(e.getMessage()).contains("change-max-duration");
                });
    }

    @Test
    void change_max_duration_is_held_exactly_with_update_call_and_update_call_settings() {
        String name = freshId("derive");
        types.create(admin(), type(name).withGrants(Map.of(
                "specialist", EnumSet.of(Capability.UPDATE_CALL, Capability.UPDATE_CALL_SETTINGS),
                "patient", EnumSet.of(Capability.UPDATE_CALL))));
        assertThat(types.capabilitiesOf(name, "specialist")).contains(Capability.CHANGE_MAX_DURATION);
        assertThat(types.capabilitiesOf(name, "patient")).doesNotContain(Capability.CHANGE_MAX_DURATION);
        assertThat(types.capabilitiesOf(name, "admin")).isEmpty();
    }

    @Test
    void roles_with_no_capability_are_left_out_of_the_grants() {
        String name = freshId("emptygrant");
        CallTypeSettings created = types.create(admin(), type(name).withGrants(Map.of(
                "patient", EnumSet.noneOf(Capability.class), "specialist", EnumSet.of(Capability.JOIN_CALL))));
        assertThat(created.grants()).containsOnlyKeys("specialist");
    }

    @Test
    void admin_updates_limits_and_grants() {
        String name = freshId("upd");
        types.create(admin(), type(name));
        CallTypeSettings changed = types.update(admin(), with(type(name), 900, List.of(120), List.of(300), 0, 0, 60)
                .withGrants(Map.of("patient", EnumSet.of(Capability.JOIN_CALL))));
        assertThat(types.get(name)).isEqualTo(changed);
        assertThat(changed.maxDurationSeconds()).isEqualTo(900);
        assertThat(changed.grantsOf("patient")).containsExactly(Capability.JOIN_CALL);
    }

    @Test
    void a_refused_update_changes_nothing() {
        String name = freshId("keep");
        CallTypeSettings original = types.create(admin(), type(name));
        assertThatThrownBy(() -> types.update(admin(), with(type(name), 86_401, List.of(300), List.of(600), 180, 60, 300)))
                .isInstanceOf(InvalidInputException.class);
        assertThat(types.get(name)).isEqualTo(original);
    }

    @Test
    void a_type_in_use_cannot_be_deleted() {
        String name = freshId("used");
        types.create(admin(), type(name));
        calls.create(admin(), new NewCall(name, freshId("c"), null, List.of("bill"), null, null, null));
        assertThatThrownBy(() -> types.delete(admin(), name))
                .isInstanceOf(ConflictException.class)
                .hasMessageContaining("used by 1 appointment").hasMessageContaining("cannot be deleted");
        assertThat(types.find(name)).isPresent();
    }

    @Test
    void an_unused_type_is_deleted() {
        String name = freshId("gone");
        types.create(admin(), type(name));
        types.delete(admin(), name);
        assertThat(types.find(name)).isEmpty();
    }

    @Test
    void deleting_an_unknown_type_is_not_found() {
        assertThatThrownBy(() -> types.delete(admin(), freshId("ghost"))).isInstanceOf(NotFoundException.class);
    }

    @Test
    void editing_a_type_changes_calls_not_yet_started_and_never_a_running_deadline() {
        String name = freshId("live");
        Map<String, Set<Capability>> grants = Map.of(
                "specialist", EnumSet.of(Capability.JOIN_CALL, Capability.END_CALL),
                "patient", EnumSet.of(Capability.JOIN_CALL));
        types.create(admin(), type(name).withGrants(grants));
        String running = freshId("run");
        String waiting = freshId("wait");
        calls.create(admin(), new NewCall(name, running, null, List.of("dr-lecter", "bill"), null, null, null));
        calls.create(admin(), new NewCall(name, waiting, null, List.of("dr-lecter", "bill"), null, null, null));
        SessionTimerService.Joined joined = timers.join(actor("dr-lecter"), name, running, null);
        Instant deadline = joined.session().timerEndsAt();
        assertThat(deadline).isEqualTo(clock.instant().plusSeconds(1800));
        try {
            types.update(admin(), CallTypeSettings.defaults(name, 600).withGrants(grants));

            assertThat(calls.getVisible(actor("bill"), name, running).session().timerEndsAt()).isEqualTo(deadline);
            assertThat(calls.getVisible(actor("bill"), name, running).session().maxDurationSeconds()).isEqualTo(1800);
            assertThat(calls.getVisible(actor("bill"), name, waiting).session().maxDurationSeconds()).isEqualTo(600);
        } finally {
            timers.end(actor("dr-lecter"), name, running);
        }
    }

    // ------------------------------------------------------------------ one refusal per guarded operation

    @Test
    void specialist_cannot_create_a_call_type() {
        String name = freshId("sneaky");
        assertThatThrownBy(() -> types.create(actor("dr-lecter"), type(name))).isInstanceOf(RefusedException.class);
        assertThat(types.find(name)).isEmpty();
    }

    @Test
    void patient_cannot_update_a_call_type() {
        String name = freshId("guarded");
        types.create(admin(), type(name));
        assertThatThrownBy(() -> types.update(actor("bill"), CallTypeSettings.defaults(name, 86_400)))
                .isInstanceOf(RefusedException.class);
        assertThat(types.get(name).maxDurationSeconds()).isEqualTo(1800);
    }

    @Test
    void specialist_cannot_delete_a_call_type() {
        String name = freshId("kept");
        types.create(admin(), type(name));
        assertThatThrownBy(() -> types.delete(actor("dr-lecter"), name)).isInstanceOf(RefusedException.class);
        assertThat(types.find(name)).isPresent();
    }

    @Test
    void the_api_identity_may_change_call_types() {
        String name = freshId("api");
        assertThat(types.create(Actor.api(), type(name)).name()).isEqualTo(name);
    }
}
