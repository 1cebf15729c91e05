package org.careclock.api;

import org.careclock.calltype.CallTypeService;
import org.careclock.calltype.CallTypeSettings;
import org.careclock.calltype.Capability;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

class ApiCallTypesTest extends ApiTestSupport {

    /** The seed script's call type, as the SDK sends it. */
    static final String SEED_TYPE = """
            {"name":"appointment",
             "grants":{"specialist":["join-call","send-audio","send-video","update-call","update-call-settings"],
                       "patient":["join-call","send-audio","send-video"]},
             "settings":{"limits":{"max_duration_seconds":3600}}}""";

    @Autowired
    private CallTypeService types;

    private static String freshType() {
        return "type-" + Long.toString(System.nanoTime(), 36);
    }

    private static String simpleType(String name, int maxSeconds) {
        return "{\"name\":\"" + name + "\",\"grants\":{\"specialist\":[\"join-call\",\"end-call\"]},"
                + "\"settings\":{\"limits\":{\"max_duration_seconds\":" + maxSeconds + "}}}";
    }

    @Test
    void the_seeds_type_is_created_as_the_seed_says_without_a_waiting_room() throws Exception {
        String name = freshType();
        apiPost("/api/v2/video/calltypes", SEED_TYPE.replace("\"appointment\"", "\"" + name + "\""))
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.settings.limits.max_duration_seconds").value(3600))
                .andExpect(jsonPath("$.grants.patient", contains("join-call", "send-audio", "send-video")))
                .andExpect(jsonPath("$.settings.session_timer.alert_thresholds_seconds", contains(1200, 300)))
                .andExpect(jsonPath("$.settings.backstage.enabled").value(false))
                .andExpect(jsonPath("$.settings.backstage.join_ahead_time_seconds").value(0));
        apiPost("/api/v2/video/calltypes", SEED_TYPE.replace("\"appointment\"", "\"" + name + "\""))
                .andExpect(status().isOk());
    }

    @Test
    void the_seeds_type_over_the_demos_clinic_type_is_a_conflict_and_changes_nothing() throws Exception {
        CallTypeSettings before = types.get("appointment");
        assertThat(before.backstage().enabled()).as("the demo's clinic type has a waiting room").isTrue();
        assertError(apiPost("/api/v2/video/calltypes", SEED_TYPE), 409, 4, "already exists with other settings");
        assertThat(types.get("appointment")).isEqualTo(before);
    }

    @Test
    void the_waiting_room_travels_in_settings_backstage() throws Exception {
        String name = freshType();
        apiPost("/api/v2/video/calltypes", simpleType(name, 1800).replace("}}}",
                "},\"backstage\":{\"enabled\":true,\"join_ahead_time_seconds\":600}}}"))
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.settings.backstage.enabled").value(true))
                .andExpect(jsonPath("$.settings.backstage.join_ahead_time_seconds").value(600));
        assertThat(types.get(name).backstage()).isEqualTo(new org.careclock.calltype.Backstage(true, 600));
        assertError(apiPut("/api/v2/video/calltypes/" + name, "{\"settings\":{\"backstage\":{\"enabled\":\"yes\"}}}"),
                400, 4, "settings.backstage.enabled");
        assertError(apiPut("/api/v2/video/calltypes/" + name,
                "{\"settings\":{\"backstage\":{\"join_ahead_time_seconds\":-1}}}"), 400, 4, "join_ahead_time_seconds");
        assertThat(types.get(name).backstage().joinAheadTimeSeconds()).isEqualTo(600);
    }

    @Test
    void new_call_type_is_created_with_the_default_session_timer() throws Exception {
        String name = freshType();
        apiPost("/api/v2/video/calltypes", simpleType(name, 1800))
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.name").value(name))
                .andExpect(jsonPath("$.grants.specialist", contains("join-call", "end-call")))
                .andExpect(jsonPath("$.settings.limits.max_duration_seconds").value(1800))
                .andExpect(jsonPath("$.settings.session_timer.alert_thresholds_seconds", contains(1200, 300)))
                .andExpect(jsonPath("$.settings.session_timer.extension_steps_seconds", contains(600, 1800)))
                .andExpect(jsonPath("$.settings.session_timer.idle_timeout_seconds").value(180))
                .andExpect(jsonPath("$.settings.session_timer.idle_prompt_seconds").value(60))
                .andExpect(jsonPath("$.settings.session_timer.empty_timeout_seconds").value(300));
        CallTypeSettings stored = types.get(name);
        assertThat(stored.maxDurationSeconds()).isEqualTo(1800);
        assertThat(stored.grantsOf("specialist")).containsExactlyInAnyOrder(Capability.JOIN_CALL, Capability.END_CALL);
        apiGet("/api/v2/video/calltypes/" + name).andExpect(status().isOk())
                .andExpect(jsonPath("$.settings.limits.max_duration_seconds").value(1800));
        // The same again is no change.
        apiPost("/api/v2/video/calltypes", simpleType(name, 1800)).andExpect(status().isOk());
    }

    @Test
    void session_timer_settings_travel_beside_the_standard_ones() throws Exception {
        String name = freshType();
        apiPost("/api/v2/video/calltypes", """
                {"name":"%s","settings":{"limits":{"max_duration_seconds":600},
                 "session_timer":{"alert_thresholds_seconds":[60,120],"extension_steps_seconds":[300],
                  "idle_timeout_seconds":90,"idle_prompt_seconds":30,"empty_timeout_seconds":45}}}""".formatted(name))
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.settings.session_timer.alert_thresholds_seconds", contains(120, 60)));
        CallTypeSettings stored = types.get(name);
        assertThat(stored.alertThresholdsSeconds()).containsExactly(120, 60);
        assertThat(stored.extensionStepsSeconds()).containsExactly(300);
        assertThat(List.of(stored.idleTimeoutSeconds(), stored.idlePromptSeconds(), stored.emptyTimeoutSeconds()))
                .containsExactly(90, 30, 45);
    }

    @Test
    void existing_type_with_other_settings_is_a_conflict_and_stays_unchanged() throws Exception {
        CallTypeSettings before = types.get("appointment");
        assertError(apiPost("/api/v2/video/calltypes", SEED_TYPE.replace("3600", "1800")), 409, 4,
                "PUT /api/v2/video/calltypes/appointment");
        assertThat(types.get("appointment")).isEqualTo(before);
    }

    @Test
    void put_changes_what_it_names_and_keeps_the_rest() throws Exception {
        String name = freshType();
        apiPost("/api/v2/video/calltypes", simpleType(name, 1800)).andExpect(status().isCreated());
        apiPut("/api/v2/video/calltypes/" + name, """
                {"grants":{"patient":["join-call"]},"settings":{"limits":{"max_duration_seconds":2700},
                 "session_timer":{"idle_timeout_seconds":0}}}""")
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.settings.limits.max_duration_seconds").value(2700))
                .andExpect(jsonPath("$.grants.patient", contains("join-call")))
                .andExpect(jsonPath("$.grants.specialist", containsInAnyOrder("join-call", "end-call")));
        CallTypeSettings stored = types.get(name);
        assertThat(stored.maxDurationSeconds()).isEqualTo(2700);
        assertThat(stored.idleTimeoutSeconds()).isZero();
        assertThat(stored.alertThresholdsSeconds()).containsExactly(1200, 300);
        assertThat(stored.grants().keySet()).containsExactlyInAnyOrder("specialist", "patient");
        // An empty list takes a role's grants away.
        apiPut("/api/v2/video/calltypes/" + name, "{\"grants\":{\"patient\":[]}}").andExpect(status().isOk());
        assertThat(types.get(name).grants().keySet()).containsExactly("specialist");
    }

    @Test
    void unknown_call_type_is_not_found() throws Exception {
        assertError(apiGet("/api/v2/video/calltypes/no-such-type"), 404, 16, "no-such-type");
        assertError(apiPut("/api/v2/video/calltypes/no-such-type", "{}"), 404, 16, "no-such-type");
    }

    @Test
    void unknown_capability_is_refused_naming_the_field() throws Exception {
        String name = freshType();
        assertError(apiPost("/api/v2/video/calltypes",
                        "{\"name\":\"" + name + "\",\"grants\":{\"specialist\":[\"join-call\",\"screenshare\"]}}"),
                400, 4, "grants.specialist[1] names the unknown capability screenshare");
        assertThat(types.find(name)).isEmpty();
    }

    @Test
    void unknown_role_and_derived_capability_are_refused() throws Exception {
        String name = freshType();
        assertError(apiPost("/api/v2/video/calltypes", "{\"name\":\"" + name + "\",\"grants\":{\"nurse\":[\"join-call\"]}}"),
                400, 4, "unknown role nurse");
        assertError(apiPost("/api/v2/video/calltypes",
                "{\"name\":\"" + name + "\",\"grants\":{\"specialist\":[\"change-max-duration\"]}}"), 400, 4, "grants");
        assertThat(types.find(name)).isEmpty();
    }

    @Test
    void out_of_range_or_mistyped_duration_is_refused_naming_the_field() throws Exception {
        String name = freshType();
        assertError(apiPost("/api/v2/video/calltypes", simpleType(name, -1)), 400, 4, "settings.limits.max_duration_seconds");
        assertError(apiPost("/api/v2/video/calltypes", simpleType(name, 86401)), 400, 4, "settings.limits.max_duration_seconds");
        assertError(apiPost("/api/v2/video/calltypes", simpleType(name, 0).replace(":0}", ":1.5}")),
                400, 4, "settings.limits.max_duration_seconds must be a whole number");
        assertError(apiPost("/api/v2/video/calltypes", simpleType(name, 0).replace(":0}", ":\"3600\"}")),
                400, 4, "settings.limits.max_duration_seconds must be a whole number");
        assertError(apiPost("/api/v2/video/calltypes", simpleType(name, 0).replace(":0}", ":99999999999}")),
                400, 4, "settings.limits.max_duration_seconds is out of range");
        assertThat(types.find(name)).isEmpty();
    }

    @Test
    void max_participants_travels_in_the_limits_defaults_to_four_and_keeps_its_range() throws Exception {
        String name = freshType();
        apiPost("/api/v2/video/calltypes", simpleType(name, 1800))
                .andExpect(jsonPath("$.settings.limits.max_participants").value(4));
        apiPut("/api/v2/video/calltypes/" + name, "{\"settings\":{\"limits\":{\"max_participants\":2}}}")
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.settings.limits.max_participants").value(2))
                .andExpect(jsonPath("$.settings.limits.max_duration_seconds").value(1800));
        assertThat(types.get(name).maxParticipants()).isEqualTo(2);
        assertError(apiPut("/api/v2/video/calltypes/" + name, "{\"settings\":{\"limits\":{\"max_participants\":9}}}"),
                400, 4, "settings.limits.max_participants");
        assertError(apiPut("/api/v2/video/calltypes/" + name, "{\"settings\":{\"limits\":{\"max_participants\":1}}}"),
                400, 4, "settings.limits.max_participants");
        assertThat(types.get(name).maxParticipants()).isEqualTo(2);
    }

    @Test
    void bad_session_timer_settings_are_refused_naming_the_field() throws Exception {
        String name = freshType();
        assertError(apiPost("/api/v2/video/calltypes", """
                {"name":"%s","settings":{"session_timer":{"idle_timeout_seconds":60,"idle_prompt_seconds":60}}}"""
                .formatted(name)), 400, 4, "settings.session_timer.idle_prompt_seconds");
        assertError(apiPost("/api/v2/video/calltypes", """
                {"name":"%s","settings":{"session_timer":{"alert_thresholds_seconds":[300,300]}}}"""
                .formatted(name)), 400, 4, "settings.session_timer.alert_thresholds_seconds");
        assertError(apiPost("/api/v2/video/calltypes", """
                {"name":"%s","settings":{"audio":{"mic_default_on":true}}}""".formatted(name)), 400, 4, "settings.audio");
        assertThat(types.find(name)).isEmpty();
    }

    @Test
    void invalid_type_name_is_refused() throws Exception {
        assertError(apiPost("/api/v2/video/calltypes", simpleType("Bad Name", 60)), 400, 4, "name");
        assertError(apiPost("/api/v2/video/calltypes", "{\"settings\":{}}"), 400, 4, "name is required");
    }

    @Test
    void refused_put_changes_nothing() throws Exception {
        String name = freshType();
        apiPost("/api/v2/video/calltypes", simpleType(name, 1800)).andExpect(status().isCreated());
        CallTypeSettings before = types.get(name);
        assertError(apiPut("/api/v2/video/calltypes/" + name,
                        "{\"grants\":{\"patient\":[\"join-call\"]},\"settings\":{\"limits\":{\"max_duration_seconds\":-5}}}"),
                400, 4, "settings.limits.max_duration_seconds");
        assertError(apiPut("/api/v2/video/calltypes/" + name, "{\"name\":\"renamed\"}"), 400, 4, "name");
        assertThat(types.get(name)).isEqualTo(before);
        assertThat(types.get(name).grants().keySet()).isEqualTo(Set.of("specialist"));
    }
}
