package org.careclock.api;

import org.careclock.user.UserInfo;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

class ApiUsersTest extends ApiTestSupport {

    /** The seed script's users, as upsertUsers sends them. */
    static final String SEED_USERS = """
            {"users":{"dr-lecter":{"id":"dr-lecter","name":"Dr. Hannibal Lecter","role":"specialist"},
                      "bill":{"id":"bill","name":"Buffalo Bill","role":"patient"}}}""";

    private static String freshUser() {
        return "user-" + Long.toString(System.nanoTime(), 36);
    }

    @Test
    void seed_users_are_upserted_and_keep_their_passwords() throws Exception {
        apiPost("/api/v2/users", SEED_USERS)
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.users.dr-lecter.name").value("Dr. Hannibal Lecter"))
                .andExpect(jsonPath("$.users.dr-lecter.role").value("specialist"))
                .andExpect(jsonPath("$.users.bill.role").value("patient"));
        UserInfo bill = users.find("bill").orElseThrow();
        assertThat(bill.displayName()).isEqualTo("Buffalo Bill");
        assertThat(bill.hasPassword()).isTrue();
        assertThat(bill.enabled()).isTrue();
    }

    @Test
    void new_users_are_created_without_a_password() throws Exception {
        String a = freshUser();
        String b = freshUser();
        apiPost("/api/v2/users", """
                {"users":{"%s":{"id":"%s","name":"Ada Nurse","role":"specialist"},"%s":{"role":"patient"}}}"""
                .formatted(a, a, b))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.users['" + a + "'].name").value("Ada Nurse"))
                .andExpect(jsonPath("$.users['" + b + "'].name").value(b));
        assertThat(users.find(a).orElseThrow().role()).isEqualTo("specialist");
        assertThat(users.find(a).orElseThrow().hasPassword()).isFalse();
        assertThat(users.find(b).orElseThrow().displayName()).isEqualTo(b);
    }

    @Test
    void existing_user_keeps_what_the_request_leaves_out() throws Exception {
        String id = freshUser();
        apiPost("/api/v2/users", "{\"users\":{\"" + id + "\":{\"name\":\"First Name\",\"role\":\"patient\"}}}")
                .andExpect(status().isOk());
        apiPost("/api/v2/users", "{\"users\":{\"" + id + "\":{\"name\":\"Second Name\"}}}").andExpect(status().isOk());
        UserInfo user = users.find(id).orElseThrow();
        assertThat(user.displayName()).isEqualTo("Second Name");
        assertThat(user.role()).isEqualTo("patient");
    }

    @Test
    void unknown_role_is_refused_and_nothing_is_written() throws Exception {
        String good = freshUser();
        String bad = freshUser();
        assertError(apiPost("/api/v2/users", """
                {"users":{"%s":{"role":"patient"},"%s":{"role":"surgeon"}}}""".formatted(good, bad)),
                400, 4, "users." + bad + ".role names the unknown role surgeon");
        assertThat(users.exists(good)).isFalse();
        assertThat(users.exists(bad)).isFalse();
    }

    @Test
    void new_user_needs_a_role() throws Exception {
        String id = freshUser();
        assertError(apiPost("/api/v2/users", "{\"users\":{\"" + id + "\":{\"name\":\"No Role\"}}}"),
                400, 4, "users." + id + ".role is required");
        assertThat(users.exists(id)).isFalse();
    }

    @Test
    void invalid_ids_are_refused_naming_the_field() throws Exception {
        assertError(apiPost("/api/v2/users", "{\"users\":{\"Not Valid\":{\"role\":\"patient\"}}}"),
                400, 4, "users.Not Valid.id");
        String id = freshUser();
        assertError(apiPost("/api/v2/users", "{\"users\":{\"" + id + "\":{\"id\":\"other\",\"role\":\"patient\"}}}"),
                400, 4, "users." + id + ".id");
        assertThat(users.exists(id)).isFalse();
    }

    @Test
    void malformed_user_lists_are_refused() throws Exception {
        assertError(apiPost("/api/v2/users", "{}"), 400, 4, "users is required");
        assertError(apiPost("/api/v2/users", "{\"users\":[{\"id\":\"x\"}]}"), 400, 4, "users must be an object");
        String id = freshUser();
        assertError(apiPost("/api/v2/users", "{\"users\":{\"" + id + "\":{\"role\":\"patient\",\"custom\":{}}}}"),
                400, 4, "users." + id + ".custom");
        assertError(apiPost("/api/v2/users", "{\"users\":{\"" + id + "\":{\"role\":\"patient\",\"name\":\"  \"}}}"),
                400, 4, "users." + id + ".name");
        assertThat(users.exists(id)).isFalse();
    }
}
