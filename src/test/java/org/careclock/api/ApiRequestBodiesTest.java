package org.careclock.api;

import org.careclock.base.Actor;
import org.careclock.call.CallService;
import org.careclock.user.RoleService;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The request bodies are typed: each endpoint takes its record's fields and no others, of their
 * types, checked by their constraints; a refusal names the field by its path on the wire, and an
 * endpoint that takes nothing takes an empty body.
 */
class ApiRequestBodiesTest extends ApiTestSupport {

    private static final String CALL = "/api/v2/video/call/appointment/";

    @Autowired
    private CallService calls;
    @Autowired
    private RoleService roles;

    @Test
    void a_missing_required_field_is_named_by_its_path() throws Exception {
        String id = freshId("bodies");
        assertError(apiPost(CALL + id, "{\"data\":{\"members\":[{\"user_id\":\"bill\"},{}]}}"), 400, 4,
                "data.members[1].user_id is required");
        assertError(apiPost(CALL + id, "{\"data\":{\"created_by\":{}}}"), 400, 4, "data.created_by.id is required");
        assertThat(calls.findVisible(Actor.api(), "appointment", id)).isEmpty();
    }

    @Test
    void a_null_inside_a_list_or_map_is_refused_by_its_path() throws Exception {
        String id = freshId("bodies");
        assertError(apiPost(CALL + id, "{\"data\":{\"members\":[null]}}"), 400, 4, "data.members[0] may not be null");
        assertError(apiPost("/api/v2/video/calltypes", "{\"name\":\"" + id + "\",\"grants\":{\"patient\":[\"join-call\",null]}}"),
                400, 4, "grants.patient[1] may not be null");
        assertError(apiPost("/api/v2/users", "{\"users\":{\"" + id + "\":null}}"), 400, 4, "users." + id + " may not be null");
        assertThat(calls.findVisible(Actor.api(), "appointment", id)).isEmpty();
        assertThat(users.exists(id)).isFalse();
    }

    @Test
    void values_of_another_type_are_refused_without_coercion() throws Exception {
        String id = freshId("bodies");
        assertError(apiPost(CALL + id, "{\"members_limit\":true}"), 400, 4, "members_limit must be a whole number");
        assertError(apiPost(CALL + id, "{\"members_limit\":\"5\"}"), 400, 4, "members_limit must be a whole number");
        assertError(apiPost(CALL + id, "{\"data\":{\"created_by_id\":7}}"), 400, 4, "data.created_by_id must be a string");
        assertError(apiPost(CALL + id, "{\"data\":{\"members\":{\"user_id\":\"bill\"}}}"), 400, 4,
                "data.members must be an array");
        assertError(apiPost(CALL + id, "{\"data\":[]}"), 400, 4, "data must be an object");
        assertError(apiPost(CALL + id + "/go_live", "{\"start_hls\":\"yes\"}"), 400, 4, "start_hls must be true or false");
        assertThat(calls.findVisible(Actor.api(), "appointment", id)).isEmpty();
    }

    @Test
    void a_constraint_of_the_record_is_refused_by_its_path() throws Exception {
        String id = freshId("bodies");
        assertError(apiPost(CALL + id, "{\"members_limit\":101}"), 400, 4, "members_limit must be between 0 and 100");
        assertError(apiPost(CALL + id, "{\"members_limit\":-1}"), 400, 4, "members_limit must be between 0 and 100");
        assertThat(calls.findVisible(Actor.api(), "appointment", id)).isEmpty();
    }

    @Test
    void an_unknown_field_is_refused_saying_what_the_endpoint_takes() throws Exception {
        String role = freshId("bodies");
        assertError(apiPost("/api/v2/roles", "{\"name\":\"" + role + "\",\"scopes\":[]}"), 400, 4,
                "scopes is not a field CareClock accepts here (it accepts name)");
        assertError(apiPost(CALL + role + "/mark_ended", "{\"reason\":\"x\"}"), 400, 4,
                "reason is not a field CareClock accepts here (it accepts none)");
        assertError(apiPatch(CALL + role, "{\"settings_override\":{\"limits\":{\"max_participants\":3}}}"), 400, 4,
                "settings_override.limits.max_participants is not a field CareClock accepts here");
        assertThat(roles.exists(role)).isFalse();
    }

    @Test
    void an_empty_or_blank_body_is_an_empty_object_and_a_null_leaves_things_as_they_are() throws Exception {
        String id = freshId("bodies");
        apiPost(CALL + id, null).andExpect(status().isCreated());
        apiPost(CALL + id, "  \n").andExpect(status().isOk());
        apiPatch(CALL + id, "{\"settings_override\":{\"limits\":{\"max_duration_seconds\":1200}}}")
                .andExpect(jsonPath("$.call.settings.limits.max_duration_seconds").value(1200));
        apiPatch(CALL + id, null).andExpect(jsonPath("$.call.settings.limits.max_duration_seconds").value(1200));
        apiPatch(CALL + id, "{\"settings_override\":null}")
                .andExpect(jsonPath("$.call.settings.limits.max_duration_seconds").value(1200));
        apiPatch(CALL + id, "{\"settings_override\":{\"limits\":{\"max_duration_seconds\":null}}}")
                .andExpect(jsonPath("$.call.settings.limits.max_duration_seconds").value(1200));
        assertError(apiPost("/api/v2/roles", ""), 400, 4, "name is required");
    }

    @Test
    void a_body_is_read_as_json_whatever_content_type_it_claims() throws Exception {
        String role = freshId("bodies");
        mvc.perform(signed(org.springframework.http.HttpMethod.POST, "/api/v2/roles")
                        .contentType(MediaType.TEXT_PLAIN).content("{\"name\":\"" + role + "\"}"))
                .andExpect(status().isCreated());
        assertThat(roles.exists(role)).isTrue();
    }

    @Test
    void binder_paths_read_as_wire_paths() {
        assertThat(RequestBodies.wirePath("data.members[1].userId")).isEqualTo("data.members[1].user_id");
        assertThat(RequestBodies.wirePath("users[bill].name")).isEqualTo("users.bill.name");
        assertThat(RequestBodies.wirePath("membersLimit")).isEqualTo("members_limit");
    }
}
