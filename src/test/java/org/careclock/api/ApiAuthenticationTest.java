package org.careclock.api;

import org.careclock.user.RoleService;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.ResultActions;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

class ApiAuthenticationTest extends ApiTestSupport {

    private static final String HS256 = "{\"alg\":\"HS256\",\"typ\":\"JWT\"}";
    private static final String TYPE = "/api/v2/video/calltypes/appointment";

    @Autowired
    private RoleService roles;

    private ResultActions withToken(String token) throws Exception {
        return mvc.perform(get(TYPE).queryParam("api_key", KEY).header("Authorization", token));
    }

    @Test
    void request_with_the_key_and_a_server_token_is_served() throws Exception {
        withToken(serverToken()).andExpect(status().isOk()).andExpect(jsonPath("$.name").value("appointment"));
    }

    @Test
    void token_after_bearer_is_accepted_too() throws Exception {
        withToken("Bearer " + serverToken()).andExpect(status().isOk());
    }

    @Test
    void missing_api_key_is_an_authentication_error() throws Exception {
        assertError(mvc.perform(get(TYPE).header("Authorization", serverToken())), 401, 2, "api_key");
    }

    @Test
    void wrong_api_key_is_an_authentication_error() throws Exception {
        assertError(mvc.perform(get(TYPE).queryParam("api_key", "another-key").header("Authorization", serverToken())),
                401, 2, "api_key is not this server's API key");
    }

    @Test
    void missing_token_is_an_authentication_error() throws Exception {
        assertError(mvc.perform(get(TYPE).queryParam("api_key", KEY)), 401, 5, "Authorization");
    }

    @Test
    void token_signed_with_another_secret_is_an_authentication_error() throws Exception {
        assertError(withToken(jwt(HS256, "{\"server\":true}", SECRET + "-other")), 401, 43, "signature");
    }

    @Test
    void token_with_a_forged_payload_is_an_authentication_error() throws Exception {
        String[] parts = serverToken().split("\\.");
        String otherPayload = jwt(HS256, "{\"server\":true,\"x\":1}", SECRET).split("\\.")[1];
        assertError(withToken(parts[0] + "." + otherPayload + "." + parts[2]), 401, 43, "signature");
    }

    @Test
    void unsigned_token_is_an_authentication_error() throws Exception {
        String token = jwt("{\"alg\":\"none\",\"typ\":\"JWT\"}", "{\"server\":true}", SECRET);
        assertError(withToken(token), 401, 5, "HS256");
        String[] parts = token.split("\\.");
        assertError(withToken(parts[0] + "." + parts[1] + "."), 401, 5, "well-formed");
    }

    @Test
    void token_of_another_algorithm_is_refused_even_when_signed_with_the_secret() throws Exception {
        // HS512, honestly signed with the API secret: still not the algorithm the API takes.
        String hs512 = TestTokens.signed("{\"alg\":\"HS512\",\"typ\":\"JWT\"}", "{\"server\":true}", SECRET, "HmacSHA512");
        assertError(withToken(hs512), 401, 5, "HS256");
        // An RS256 header over an HMAC of the secret (the key-confusion attack).
        assertError(withToken(jwt("{\"alg\":\"RS256\",\"typ\":\"JWT\"}", "{\"server\":true}", SECRET)), 401, 5, "HS256");
        assertError(withToken(jwt("{\"typ\":\"JWT\"}", "{\"server\":true}", SECRET)), 401, 5, "well-formed");
    }

    @Test
    void server_token_without_timestamps_is_served_as_the_sdk_sends_it() throws Exception {
        // The SDK signs {"server":true} with no exp, nbf or iat; the header may come without typ.
        withToken(jwt("{\"alg\":\"HS256\"}", "{\"server\":true}", SECRET)).andExpect(status().isOk());
        long now = clock.instant().getEpochSecond();
        withToken(jwt(HS256, "{\"server\":true,\"iat\":" + now + "}", SECRET)).andExpect(status().isOk());
    }

    @Test
    void timestamps_follow_the_application_clock() throws Exception {
        long now = clock.instant().getEpochSecond();
        String token = jwt(HS256, "{\"server\":true,\"exp\":" + (now + 60) + "}", SECRET);
        withToken(token).andExpect(status().isOk());
        scheduler.advance(java.time.Duration.ofSeconds(61));
        assertError(withToken(token), 401, 40, "expired");
    }

    @Test
    void empty_bearer_is_malformed() throws Exception {
        assertError(withToken("Bearer "), 401, 5, "well-formed");
        assertError(withToken("Bearer  x.y.z"), 401, 5, "well-formed");
    }

    @Test
    void malformed_token_is_an_authentication_error() throws Exception {
        assertError(withToken("not-a-token"), 401, 5, "well-formed");
        assertError(withToken("a.b.c"), 401, 5, "well-formed");
    }

    @Test
    void user_token_is_not_a_server_token() throws Exception {
        assertError(withToken(jwt(HS256, "{\"user_id\":\"bill\"}", SECRET)), 401, 5, "\"server\": true");
        assertError(withToken(jwt(HS256, "{\"server\":\"yes\"}", SECRET)), 401, 5, "\"server\": true");
    }

    @Test
    void expired_token_is_refused_and_a_valid_one_accepted() throws Exception {
        long now = clock.instant().getEpochSecond();
        assertError(withToken(jwt(HS256, "{\"server\":true,\"exp\":" + (now - 1) + "}", SECRET)), 401, 40, "expired");
        withToken(jwt(HS256, "{\"server\":true,\"exp\":" + (now + 60) + "}", SECRET)).andExpect(status().isOk());
    }

    @Test
    void token_not_valid_yet_is_refused() throws Exception {
        long now = clock.instant().getEpochSecond();
        assertError(withToken(jwt(HS256, "{\"server\":true,\"nbf\":" + (now + 60) + "}", SECRET)), 401, 41, "not valid yet");
        withToken(jwt(HS256, "{\"server\":true,\"nbf\":" + now + "}", SECRET)).andExpect(status().isOk());
    }

    @Test
    void refused_request_writes_nothing() throws Exception {
        String role = "auth-" + Long.toString(System.nanoTime(), 36);
        assertError(mvc.perform(post("/api/v2/roles").queryParam("api_key", KEY)
                        .header("Authorization", jwt(HS256, "{\"server\":true}", "wrong-secret-wrong-secret-wrong-secret"))
                        .contentType(MediaType.APPLICATION_JSON).content("{\"name\":\"" + role + "\"}")),
                401, 43, "signature");
        assertThat(roles.exists(role)).isFalse();
    }

    @Test
    void unknown_endpoint_answers_a_json_error_after_authentication() throws Exception {
        assertError(apiGet("/api/v2/nothing-here"), 404, 16, "no endpoint GET /api/v2/nothing-here");
        // An address an endpoint serves, asked with a method it does not take: 405, and what it takes.
        call(org.springframework.http.HttpMethod.DELETE, TYPE, null)
                .andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.header().string("Allow", "GET, PUT"));
        assertError(call(org.springframework.http.HttpMethod.DELETE, TYPE, null), 405, 4, "does not answer DELETE");
        assertError(mvc.perform(get("/api/v2/nothing-here")), 401, 2, "api_key");
    }
}
