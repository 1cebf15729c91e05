package org.careclock.security;

import org.careclock.testing.Http;
import org.careclock.testing.WebTest;
import org.junit.jupiter.api.Test;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The headers of every HTML answer and the session cookie, over real HTTP: a policy with a nonce
 * that every script of the page carries, no sniffing, no framing, a Referrer- and a
 * Permissions-Policy, nothing kept by caches; HSTS and a Secure cookie once the request came over
 * TLS (here: through a trusted proxy that says so).
 */
class ResponseHeadersTest extends WebTest {

    private static final Pattern NONCE = Pattern.compile("'nonce-([A-Za-z0-9+/=]+)'");

    @Test
    void the_sign_in_page_carries_every_protective_header() {
        Http.Answer page = http().get("/login");
        assertThat(page.status()).isEqualTo(200);
        assertProtected(page);
        assertThat(page.header("Strict-Transport-Security")).as("no HSTS over plain HTTP").isNull();
    }

    @Test
    void every_script_of_the_page_carries_the_nonce_of_its_answer_and_each_answer_has_its_own() {
        Http.Answer first = http().get("/login");
        Http.Answer second = http().get("/login");
        String nonce = nonce(first);
        assertThat(nonce(second)).isNotEqualTo(nonce);
        Matcher scripts = Pattern.compile("<script\\b[^>]*>").matcher(first.body());
        int count = 0;
        while (scripts.find()) {
            count++;
            assertThat(scripts.group()).as("script tag").contains("nonce=\"" + nonce + "\"");
        }
        assertThat(count).as("scripts on the page").isGreaterThanOrEqualTo(2);
    }

    @Test
    void the_policy_allows_what_vaadin_and_the_call_page_need_and_nothing_inline_without_a_nonce() {
        String policy = http().get("/login").header("Content-Security-Policy");
        assertThat(policy).contains("default-src 'self'", "script-src 'self' 'nonce-", "'unsafe-eval'",
                "connect-src 'self'", "media-src 'self' blob:", "img-src 'self' data: blob:", "object-src 'none'",
                "base-uri 'self'", "form-action 'self'", "frame-ancestors 'none'");
        String scriptSrc = policy.split("script-src", 2)[1].split(";", 2)[0];
        assertThat(scriptSrc).doesNotContain("'unsafe-inline'", "*", "http:", "https:", "data:");
    }

    @Test
    void the_session_cookie_is_http_only_and_same_site() {
        Http.Answer page = http().get("/login");
        String cookie = page.setCookie("JSESSIONID");
        assertThat(cookie).isNotNull().containsIgnoringCase("HttpOnly").containsIgnoringCase("SameSite=Lax")
                .doesNotContainIgnoringCase("Secure");
    }

    @Test
    void signed_in_pages_are_never_stored_and_carry_the_same_headers() {
        Http browser = http();
        Http.Answer signIn = browser.signIn(freshPatient("headers"), PASSWORD, "X-Forwarded-For", freshAddress());
        assertThat(signIn.status()).isEqualTo(302);
        assertThat(signIn.location()).doesNotContain("error");
        Http.Answer list = browser.get("/");
        assertThat(list.status()).as("the appointment list, signed in (anonymous: a redirect)").isEqualTo(200);
        assertProtected(list);
    }

    @Test
    void over_tls_the_answer_asks_for_https_only_and_the_cookie_is_secure() {
        Http.Answer page = http().get("/login", "X-Forwarded-Proto", "https");
        assertThat(page.header("Strict-Transport-Security")).contains("max-age=");
        assertThat(page.setCookie("JSESSIONID")).containsIgnoringCase("Secure").containsIgnoringCase("HttpOnly")
                .containsIgnoringCase("SameSite=Lax");
    }

    @Test
    void static_files_may_be_cached() {
        Http.Answer css = http().get("/styles.css");
        assertThat(css.status()).isEqualTo(200);
        assertThat(String.valueOf(css.header("Cache-Control"))).doesNotContain("no-store");
    }

    @Test
    void api_answers_are_never_sniffed_framed_or_given_a_page_policy() {
        Http.Answer api = http().get("/api/v2/video/calltypes/appointment");
        assertThat(api.status()).isEqualTo(401);
        assertThat(api.header("X-Content-Type-Options")).isEqualTo("nosniff");
        assertThat(api.header("Content-Security-Policy")).contains("default-src 'none'", "frame-ancestors 'none'");
    }

    private static void assertProtected(Http.Answer page) {
        assertThat(page.header("Content-Type")).startsWith("text/html");
        assertThat(page.header("Content-Security-Policy")).contains("frame-ancestors 'none'", "'nonce-");
        assertThat(page.header("X-Content-Type-Options")).isEqualTo("nosniff");
        assertThat(page.header("X-Frame-Options")).isEqualTo("DENY");
        assertThat(page.header("Referrer-Policy")).isEqualTo("same-origin");
        assertThat(page.header("Permissions-Policy")).contains("camera=(self)", "microphone=(self)");
        assertThat(page.headers("Cache-Control")).containsExactly("no-store");
    }

    private static String nonce(Http.Answer page) {
        Matcher m = NONCE.matcher(page.header("Content-Security-Policy"));
        assertThat(m.find()).as("a nonce in the policy").isTrue();
        return m.group(1);
    }
}
