package org.careclock.api;

import org.careclock.testing.Http;
import org.careclock.testing.WebTest;
import org.careclock.user.RoleService;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.nio.charset.StandardCharsets;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Under /api every answer is the API's JSON error, whatever refused the request (the web server,
 * the firewall, an unknown address, a method the address does not take, TRACE, a body that is
 * not one well-formed object of the fields the endpoint takes), over real HTTP, no message names
 * a library, a class or an option, and a refused request writes nothing.
 */
class ApiRejectionsTest extends WebTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final String KEY = "test-api-key";
    private static final String SECRET = "test-api-secret-with-enough-length-0123456789";
    /** Words that would name the server's parts. */
    private static final String[] FOREIGN = {"Tomcat", "Spring", "Jackson", "Vaadin", "Hibernate", "H2", "java.",
            "org.", "Exception", "firewall", "Firewall", "servlet", "Servlet", "Rejected", "allowTrace", "Solidus",
            "<html", "<!doctype", "tools.", "jackson", "Json", "Feature", "Constraints", "Node", "Mismatched",
            "Unrecognized", "record", "class "};

    @Autowired
    private RoleService roles;

    @ParameterizedTest
    @ValueSource(strings = {"/api/v2/users%2Fx", "/api/v2/%00", "/api/v2/a%00b", "/api/..", "/api/v2/../../x",
            "/api/v2/users;x=1", "/api/v2/%252F", "/api/v2/users%0A", "/api%2Fv2/users", "/api/v2//users",
            "/api/v2/%2e%2e/%2e%2e/x", "/api/v2/a%5Cb"})
    void malformed_addresses_get_the_json_error(String path) {
        assertJsonError(http().get(path), 400, ErrorCodes.INPUT);
    }

    /** Bad bodies, each with a role name that would be created if the body were taken. */
    static Stream<Arguments> badBodies() {
        String deep = "[".repeat(1000) + "]".repeat(1000);
        return Stream.of(
                Arguments.of("two objects in one body", "{\"name\":\"%s\"}{\"name\":\"%<s\"}"),
                Arguments.of("trailing tokens", "{\"name\":\"%s\"} true"),
                Arguments.of("unterminated", "{\"name\":\"%s\""),
                Arguments.of("unterminated text", "{\"name\":\"%s"),
                Arguments.of("NaN", "{\"name\":\"%s\",\"n\":NaN}"),
                Arguments.of("NaN as the value", "{\"name\":NaN,\"x\":\"%s\"}"),
                Arguments.of("nesting depth 1000 first", "{\"x\":" + deep + ",\"name\":\"%s\"}"),
                Arguments.of("nesting depth 1000 as the value", "{\"name\":\"%s\",\"name2\":" + deep + "}"),
                Arguments.of("nesting depth 1000 as the body",
                        "[".repeat(999) + "{\"name\":\"%s\"}" + "]".repeat(999)),
                Arguments.of("a 100 KB field name", "{\"name\":\"%s\",\"" + "n".repeat(100_000) + "\":1}"),
                Arguments.of("a 100 KB field name first", "{\"" + "n".repeat(100_000) + "\":1,\"name\":\"%s\"}"),
                Arguments.of("unknown field", "{\"name\":\"%s\",\"scopes\":[\"x\"]}"),
                Arguments.of("duplicate key", "{\"name\":\"%s\",\"name\":\"%<s\"}"),
                Arguments.of("an array", "[{\"name\":\"%s\"}]"),
                Arguments.of("a number for a text", "{\"name\":5,\"other\":\"%s\"}"),
                Arguments.of("a comment", "{\"name\":\"%s\" /* x */}"),
                Arguments.of("single quotes", "{'name':'%s'}"),
                Arguments.of("a lone surrogate escape", "{\"name\":\"%s\\ud800\"}"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("badBodies")
    void a_bad_body_gets_the_json_error_and_writes_nothing(String what, String template) {
        String role = "bad-" + Long.toString(System.nanoTime(), 36);
        Http.Answer answer = http().request("POST", "/api/v2/roles" + signedQuery(), "application/json",
                template.formatted(role), "Authorization", token());
        assertJsonError(answer, 400, ErrorCodes.INPUT);
        assertThat(roles.exists(role)).as(what).isFalse();
    }

    @Test
    void a_body_over_the_limit_gets_413_and_writes_nothing() {
        String role = "big-" + Long.toString(System.nanoTime(), 36);
        String body = "{\"name\":\"" + role + "\",\"pad\":\"" + "p".repeat(RequestBodies.MAX_BODY_BYTES) + "\"}";
        assertJsonError(http().request("POST", "/api/v2/roles" + signedQuery(), "application/json", body,
                "Authorization", token()), 413, ErrorCodes.INPUT);
        assertThat(roles.exists(role)).isFalse();
    }

    @Test
    void a_good_body_is_taken() {
        String role = "good-" + Long.toString(System.nanoTime(), 36);
        Http.Answer answer = http().request("POST", "/api/v2/roles" + signedQuery(), "application/json",
                " {\"name\":\"" + role + "\"}\n", "Authorization", token());
        assertThat(answer.status()).as(answer.body()).isEqualTo(201);
        assertThat(roles.exists(role)).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"/api/v2/roles;x=1", "/api/v2/roles%2F", "/api/v2/roles%00", "/api/v2/../v2/roles",
            "/api/v2/%2e%2e/v2/roles"})
    void a_body_sent_to_a_malformed_address_writes_nothing(String path) {
        String role = "addr-" + Long.toString(System.nanoTime(), 36);
        Http.Answer answer = http().request("POST", path + signedQuery(), "application/json",
                "{\"name\":\"" + role + "\"}", "Authorization", token());
        assertJsonError(answer, 400, ErrorCodes.INPUT);
        assertThat(roles.exists(role)).isFalse();
    }

    @Test
    void long_addresses_and_oversized_headers_get_the_json_error() {
        assertJsonError(http().get("/api/v2/video/calltypes/" + "k".repeat(9000) + signedQuery(), "Authorization", token()),
                404, ErrorCodes.NOT_FOUND);
        assertJsonError(http().get("/api/v2/video/calltypes/appointment" + signedQuery(), "Authorization",
                "x".repeat(20_000)), 401, ErrorCodes.AUTHENTICATION);
        assertJsonError(http().get("/api/v2/video/calltypes/appointment" + signedQuery(), "Authorization",
                "x".repeat(65_536)), 400, ErrorCodes.INPUT);
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
