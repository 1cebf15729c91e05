package org.careclock.security;

import org.careclock.testing.Http;
import org.careclock.testing.WebTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What a visitor gets on an address that leads nowhere, over real HTTP (the web server's own
 * refusals included): a friendly "Page not found" with 404 for unknown addresses, signed in or
 * not; the same for a page the visitor may not open, so nothing says it exists; the same page
 * (with 400, or 405 for a refused method) for malformed addresses — never the web server's or a
 * framework's page.
 */
class ErrorPagesTest extends WebTest {

    /** Words of pages CareClock did not write. */
    private static final String[] FOREIGN = {"Tomcat", "HTTP Status", "Whitelabel", "Could not navigate",
            "Exception", "Spring", "Vaadin", "servlet", "firewall"};

    @ParameterizedTest
    @ValueSource(strings = {"/nonexistent", "/no/such/page.html", "/admin", "/call", "/admin/users", "/admin/api",
            "/error"})
    void anonymous_visitors_get_not_found_on_addresses_that_are_not_theirs(String path) {
        Http.Answer answer = http().get(path);
        assertThat(answer.status()).isEqualTo(404);
        assertFriendly(answer);
    }

    @Test
    void to_an_anonymous_visitor_an_administration_page_and_an_unknown_address_look_the_same() {
        Http.Answer admin = http().get("/admin/users");
        Http.Answer unknown = http().get("/admin/no-such-page");
        assertThat(admin.status()).isEqualTo(unknown.status()).isEqualTo(404);
        assertThat(withoutNonce(admin.body())).isEqualTo(withoutNonce(unknown.body()));
        assertThat(admin.headers().keySet()).isEqualTo(unknown.headers().keySet());
    }

    @ParameterizedTest
    @ValueSource(strings = {"/", "/call/appointment/test-call"})
    void anonymous_visitors_are_sent_to_sign_in_on_pages_every_signed_in_user_may_open(String path) {
        Http.Answer answer = http().get(path);
        assertThat(answer.status()).isEqualTo(302);
        assertThat(answer.location()).endsWith("/login");
    }

    @Test
    void a_patient_gets_the_same_not_found_page_for_an_unknown_address_and_an_administration_page() {
        Http patient = signedIn(freshPatient("errors"));
        Http.Answer unknown = patient.get("/nonexistent");
        Http.Answer admin = patient.get("/admin/users");
        for (Http.Answer answer : new Http.Answer[]{unknown, admin}) {
            assertThat(answer.status()).isEqualTo(404);
            assertThat(answer.body()).contains("Page not found").doesNotContain("Users · CareClock", "users-grid",
                    "Could not navigate", "Access denied");
        }
    }

    @Test
    void an_administrator_opens_the_administration_page() {
        Http admin = http();
        assertThat(admin.signIn("admin", PASSWORD, "X-Forwarded-For", freshAddress()).location()).doesNotContain("error");
        Http.Answer page = admin.get("/admin/users");
        assertThat(page.status()).isEqualTo(200);
        assertThat(page.body()).doesNotContain("Page not found");
    }

    @ParameterizedTest
    @ValueSource(strings = {"/a%2Fb", "/%2e%2e/%2e%2e/etc/passwd", "/a%00b", "/..", "/a/..%2F..%2Fb", "/a;jsessionid=x",
            "/a%252Fb", "/a%0Ab", "/a%5Cb", "/call//appointment", "/a/./b"})
    void malformed_addresses_get_the_friendly_page_signed_in_or_not(String path) {
        for (Http client : new Http[]{http(), signedIn(freshPatient("malformed"))}) {
            Http.Answer answer = client.get(path);
            assertThat(answer.status()).as(path).isEqualTo(400);
            assertFriendly(answer);
        }
    }

    @Test
    void trace_is_refused_with_the_friendly_page() {
        Http.Answer answer = http().send("TRACE", "/");
        assertThat(answer.status()).isEqualTo(405);
        assertFriendly(answer);
    }

    private Http signedIn(String user) {
        Http browser = http();
        assertThat(browser.signIn(user, PASSWORD, "X-Forwarded-For", freshAddress()).location()).doesNotContain("error");
        return browser;
    }

    private static void assertFriendly(Http.Answer answer) {
        assertThat(answer.header("Content-Type")).startsWith("text/html");
        assertThat(answer.body()).contains("Page not found", "CareClock", "Go to my appointments")
                .doesNotContain(FOREIGN);
        assertThat(answer.header("X-Content-Type-Options")).isEqualTo("nosniff");
        assertThat(answer.header("Content-Security-Policy")).contains("frame-ancestors 'none'");
    }

    private static String withoutNonce(String html) {
        return html.replaceAll("nonce=\"[^\"]*\"", "nonce=\"\"");
    }
}
