package org.careclock.api;

import org.careclock.testing.Http;
import org.careclock.testing.WebTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Under /api every answer is the API's JSON error, whatever refused the request (the web server,
 * the firewall, an unknown address, a method the address does not take, TRACE), over real HTTP,
 * and no message names a library, a class or an option.
 */
class ApiRejectionsTest extends WebTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final String KEY = "test-api-key";
    private static final String SECRET = "test-api-secret-with-enough-length-0123456789";
    /** Words that would name the server's parts. */
    private static final String[] FOREIGN = {"Tomcat", "Spring", "Jackson", "Vaadin", "Hibernate", "H2", "java.",
            "org.", "Exception", "firewall", "Firewall", "servlet", "Servlet", "Rejected", "allowTrace", "Solidus",
            "<html", "<!doctype"};

    @ParameterizedTest
    @ValueSource(strings = {"/api/v2/users%2Fx", "/api/v2/%00", "/api/v2/a%00b", "/api/..", "/api/v2/../../x",
            "/api/v2/users;x=1", "/api/v2/%252F", "/api/v2/users%0A", "/api%2Fv2/users", "/api/v2//users",
            "/api/v2/%2e%2e/%2e%2e/x", "/api/v2/a%5Cb"})
    void malformed_addresses_get_the_json_error(String path) {
        assertJsonError(http().get(path), 400, ErrorCodes.INPUT);
    }

    @Test
    void trace_gets_the_json_error_405() {
        assertJsonError(http().send("TRACE", "/api/v2/users"), 405, ErrorCodes.INPUT);
        assertJsonError(http().send("TRACE", "/api/v2/users" + signedQuery(), "Authorization", token()), 405,
                ErrorCodes.INPUT);
    }

    @Test
    void a_method_the_address_does_not_take_gets_405_with_what_it_takes() {
        Http.Answer answer = http().send("DELETE", "/api/v2/video/calltypes/appointment" + signedQuery(),
                "Authorization", token());
        assertJsonError(answer, 405, ErrorCodes.INPUT);
        assertThat(answer.header("Allow")).isEqualTo("GET, PUT");
    }

    @Test
    void an_unknown_address_gets_404() {
        assertJsonError(http().get("/api/v2/nothing-here" + signedQuery(), "Authorization", token()), 404,
                ErrorCodes.NOT_FOUND);
        assertJsonError(http().get("/api/nothing" + signedQuery(), "Authorization", token()), 404, ErrorCodes.NOT_FOUND);
    }

    @Test
    void unauthenticated_requests_get_the_json_error_too() {
        assertJsonError(http().get("/api/v2/nothing-here"), 401, ErrorCodes.ACCESS_KEY);
        assertJsonError(http().request("POST", "/api/v2/users", "application/json", "{"), 401, ErrorCodes.ACCESS_KEY);
    }

    private static void assertJsonError(Http.Answer answer, int status, int code) {
        assertThat(answer.status()).as(answer.body()).isEqualTo(status);
        assertThat(answer.header("Content-Type")).startsWith("application/json");
        JsonNode body = JSON.readTree(answer.body().getBytes(StandardCharsets.UTF_8));
        assertThat(body.get("code").asInt()).isEqualTo(code);
        assertThat(body.get("StatusCode").asInt()).isEqualTo(status);
        assertThat(body.get("message").asString()).isNotBlank().doesNotContain(FOREIGN);
        assertThat(answer.body()).doesNotContain(FOREIGN);
    }

    private static String signedQuery() {
        return "?api_key=" + KEY;
    }

    private static String token() {
        return TestTokens.server(SECRET);
    }
}
