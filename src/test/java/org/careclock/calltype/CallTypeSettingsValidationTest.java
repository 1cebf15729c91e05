package org.careclock.calltype;

import jakarta.validation.ConstraintViolation;
import org.careclock.testing.ConstraintTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/** The rules of a call type as constraints on {@link CallTypeSettings}, checked without Spring. */
class CallTypeSettingsValidationTest extends ConstraintTest {


    static CallTypeSettings with(int max, List<Integer> alerts, List<Integer> steps, int idle, int prompt, int empty) {
        return new CallTypeSettings("consult", max, Map.of(), alerts, steps, idle, prompt, empty);
    }

    /** The broken constraints as "wire_name: message", in the order the services report them. */

    @Test
    void the_defaults_and_the_seed_type_keep_every_rule() {
        assertThat(validator.validate(CallTypeSettings.defaults("appointment", 3600))).isEmpty();
        assertThat(validator.validate(CallTypeSettings.defaults("x", 0))).isEmpty();
        assertThat(validator.validate(CallTypeSettings.defaults("n".repeat(CallTypeSettings.NAME_MAX),
                CallTypeSettings.MAX_SECONDS))).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "Video", "video call", "video:call", "vidéo", "video/1"})
    void names_outside_the_pattern_break_the_name_rule(String name) {
        assertThat(broken(CallTypeSettings.defaults(name, 60)))
                .containsExactly("name: Name may hold only a-z, 0-9, '_' or '-' (1 to 64 characters)");
    }

    @Test
    void a_name_is_required_and_has_at_most_64_characters() {
        assertThat(broken(CallTypeSettings.defaults(null, 60))).singleElement().asString().startsWith("name: ");
        assertThat(broken(CallTypeSettings.defaults("n".repeat(CallTypeSettings.NAME_MAX + 1), 60)))
                .singleElement().asString().startsWith("name: ");
    }

    @Test
    void the_maximum_duration_is_0_to_86400_and_says_so_once() {
        assertThat(broken(CallTypeSettings.defaults("consult", -1)))
                .containsExactly("max_duration_seconds: Maximum duration must be between 0 and 86400 seconds (0: no time limit)");
        assertThat(broken(CallTypeSettings.defaults("consult", 86_401))).hasSize(1);
        assertThat(broken(CallTypeSettings.defaults("consult", 86_400))).isEmpty();
    }

    @Test
    void alerts_and_steps_are_each_1_to_86400() {
        assertThat(broken(with(1800, List.of(0), List.of(600), 180, 60, 300)))
                .containsExactly("alert_thresholds_seconds: Alerts must each be between 1 and 86400 seconds before the end");
        assertThat(broken(with(1800, List.of(300), List.of(86_401), 180, 60, 300)))
                .containsExactly("extension_steps_seconds: Extension steps must each be between 1 and 86400 seconds");
        assertThat(broken(with(1800, List.of(1, 86_400), List.of(1, 86_400), 180, 60, 300))).isEmpty();
        assertThat(broken(with(1800, List.of(), List.of(), 180, 60, 300))).isEmpty();
    }

    @Test
    void alerts_and_steps_name_a_value_listed_twice() {
        assertThat(broken(with(1800, List.of(300, 1200, 300), List.of(600), 180, 60, 300)))
                .containsExactly("alert_thresholds_seconds: Alerts list 300 twice");
        assertThat(broken(with(1800, List.of(300), List.of(600, 600), 180, 60, 300)))
                .containsExactly("extension_steps_seconds: Extension steps list 600 twice");
    }

    @Test
    void with_idle_on_the_prompt_is_at_least_1_and_less_than_the_idle_timeout() {
        String rule = "idle_prompt_seconds: Idle prompt must be at least 1 second and less than the idle timeout (60 seconds)";
        assertThat(broken(with(1800, List.of(300), List.of(600), 60, 60, 300))).containsExactly(rule);
        assertThat(broken(with(1800, List.of(300), List.of(600), 60, 90, 300))).containsExactly(rule);
        assertThat(broken(with(1800, List.of(300), List.of(600), 60, 0, 300))).containsExactly(rule);
        assertThat(broken(with(1800, List.of(300), List.of(600), 60, 59, 300))).isEmpty();
    }

    @Test
    void with_idle_off_the_prompt_only_needs_its_range() {
        assertThat(broken(with(1800, List.of(300), List.of(600), 0, 0, 300))).isEmpty();
        assertThat(broken(with(1800, List.of(300), List.of(600), 0, 600, 300))).isEmpty();
        assertThat(broken(with(1800, List.of(300), List.of(600), 0, -1, 300)))
                .containsExactly("idle_prompt_seconds: Idle prompt must be between 0 and 86400 seconds");
    }

    @Test
    void idle_and_empty_timeouts_have_their_ranges() {
        assertThat(broken(with(1800, List.of(300), List.of(600), -1, 0, 300)))
                .containsExactly("idle_timeout_seconds: Idle timeout must be between 0 and 86400 seconds (0: off)");
        assertThat(broken(with(1800, List.of(300), List.of(600), 180, 60, 0)))
                .containsExactly("empty_timeout_seconds: Empty timeout must be between 1 and 86400 seconds");
        assertThat(broken(with(1800, List.of(300), List.of(600), 180, 60, 86_401))).hasSize(1);
    }

    @Test
    void the_derived_capability_cannot_be_granted() {
        CallTypeSettings settings = CallTypeSettings.defaults("consult", 60).withGrants(Map.of("specialist",
                EnumSet.of(Capability.JOIN_CALL, Capability.CHANGE_MAX_DURATION)));
        assertThat(broken(settings)).containsExactly(
                "grants: change-max-duration cannot be granted; it follows from update-call and update-call-settings");
        assertThat(broken(settings.withGrants(Map.of("specialist", EnumSet.copyOf(Capability.grantable()))))).isEmpty();
    }

    @Test
    void several_broken_rules_come_in_the_order_of_the_fields() {
        assertThat(broken(new CallTypeSettings("Bad Name", -1, Map.of(), List.of(0), List.of(600), 60, 60, 0)))
                .extracting(line -> line.substring(0, line.indexOf(':')))
                .containsExactly("name", "max_duration_seconds", "alert_thresholds_seconds", "idle_prompt_seconds",
                        "empty_timeout_seconds");
    }

    @Test
    void a_single_component_is_checked_as_the_editor_checks_a_field() {
        Set<ConstraintViolation<CallTypeSettings>> broken =
                validator.validateValue(CallTypeSettings.class, "maxDurationSeconds", 90_000);
        assertThat(broken).extracting(ConstraintViolation::getMessage)
                .containsExactly("Maximum duration must be between 0 and 86400 seconds (0: no time limit)");
        assertThat(validator.validateValue(CallTypeSettings.class, "alertThresholdsSeconds", List.of(300, 300)))
                .extracting(ConstraintViolation::getMessage).containsExactly("Alerts list 300 twice");
    }
}
