package org.careclock.api;

import org.careclock.user.RoleService;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

class ApiRolesTest extends ApiTestSupport {

    @Autowired
    private RoleService roles;

    private static String freshRole() {
        return "role-" + Long.toString(System.nanoTime(), 36);
    }

    @Test
    void creating_a_role_stores_it() throws Exception {
        String name = freshRole();
        apiPost("/api/v2/roles", "{\"name\":\"" + name + "\"}")
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.role.name").value(name))
                .andExpect(jsonPath("$.role.custom").value(true));
        assertThat(roles.exists(name)).isTrue();
    }

    @Test
    void creating_a_role_that_exists_succeeds_unchanged() throws Exception {
        apiPost("/api/v2/roles", "{\"name\":\"specialist\"}")
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.role.name").value("specialist"))
                .andExpect(jsonPath("$.role.custom").value(false));
        String name = freshRole();
        apiPost("/api/v2/roles", "{\"name\":\"" + name + "\"}").andExpect(status().isCreated());
        apiPost("/api/v2/roles", "{\"name\":\"" + name + "\"}").andExpect(status().isOk());
    }

    @Test
    void invalid_role_name_is_refused_naming_the_field() throws Exception {
        assertError(apiPost("/api/v2/roles", "{\"name\":\"Not A Role\"}"), 400, 4, "name");
        assertThat(roles.exists("Not A Role")).isFalse();
        assertError(apiPost("/api/v2/roles", "{\"name\":\"" + "r".repeat(65) + "\"}"), 400, 4, "name");
    }

    @Test
    void missing_or_mistyped_name_is_refused() throws Exception {
        assertError(apiPost("/api/v2/roles", "{}"), 400, 4, "name is required");
        assertError(apiPost("/api/v2/roles", null), 400, 4, "name is required");
        assertError(apiPost("/api/v2/roles", "{\"name\":5}"), 400, 4, "name must be a string");
    }

    @Test
    void unknown_field_is_refused_rather_than_ignored() throws Exception {
        String name = freshRole();
        assertError(apiPost("/api/v2/roles", "{\"name\":\"" + name + "\",\"scopes\":[\"x\"]}"), 400, 4, "scopes");
        assertThat(roles.exists(name)).isFalse();
    }

    @Test
    void malformed_json_is_refused() throws Exception {
        assertError(apiPost("/api/v2/roles", "{\"name\":"), 400, 4, "not valid JSON");
        assertError(apiPost("/api/v2/roles", "[\"specialist\"]"), 400, 4, "must be a JSON object");
        assertError(apiPost("/api/v2/roles", "{\"name\":\"a\",\"name\":\"b\"}"), 400, 4, "not valid JSON");
        assertError(apiPost("/api/v2/roles", "{\"name\":\"a\"} {}"), 400, 4, "not valid JSON");
    }
}
