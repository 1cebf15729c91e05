package org.careclock.security;

import org.careclock.testing.Http;
import org.careclock.testing.WebTest;
import org.junit.jupiter.api.Test;

import java.util.LinkedHashMap;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The sign-in form is protected against cross-site posts: the form's token, which Vaadin writes
 * into the sign-in page and its login form sends, is required. A post without it (or with a
 * wrong one) signs nobody in, even with the right password, and comes back to the sign-in page
 * with a word of its own.
 */
class SignInCsrfTest extends WebTest {

    @Test
    void the_sign_in_page_carries_the_form_token() {
        Map<String, String> meta = Http.csrfMeta(http().get("/login").body());
        assertThat(meta.get("_csrf_parameter")).isEqualTo("_csrf");
        assertThat(meta.get("_csrf")).isNotBlank();
    }

    @Test
    void the_form_with_its_token_signs_in() {
        Http browser = http();
        Http.Answer answer = browser.signIn(freshPatient("csrf-ok"), PASSWORD, "X-Forwarded-For", freshAddress());
        assertThat(answer.status()).isEqualTo(302);
        assertThat(answer.location()).doesNotContain("/login");
        assertThat(browser.get("/").status()).isEqualTo(200);
    }

    @Test
    void a_post_without_the_token_signs_nobody_in() {
        Http browser = http();
        browser.get("/login");
        Map<String, String> form = new LinkedHashMap<>();
        form.put("username", freshPatient("csrf-none"));
        form.put("password", PASSWORD);
        Http.Answer answer = browser.postForm("/login", form);
        assertRefused(browser, answer);
    }

    @Test
    void a_post_with_a_wrong_token_signs_nobody_in() {
        Http browser = http();
        Map<String, String> meta = Http.csrfMeta(browser.get("/login").body());
        Map<String, String> form = new LinkedHashMap<>();
        form.put("username", freshPatient("csrf-wrong"));
        form.put("password", PASSWORD);
        form.put(meta.get("_csrf_parameter"), "forged-" + meta.get("_csrf").substring(7));
        assertRefused(browser, browser.postForm("/login", form));
    }

    @Test
    void a_token_from_another_visitors_page_does_not_help() {
        Map<String, String> theirs = Http.csrfMeta(http().get("/login").body());
        Http attacker = http();
        attacker.get("/login");
        Map<String, String> form = new LinkedHashMap<>();
        form.put("username", freshPatient("csrf-other"));
        form.put("password", PASSWORD);
        form.put(theirs.get("_csrf_parameter"), theirs.get("_csrf"));
        assertRefused(attacker, attacker.postForm("/login", form));
    }

    private static void assertRefused(Http browser, Http.Answer answer) {
        assertThat(answer.status()).isEqualTo(302);
        assertThat(answer.location()).endsWith("/login?expired");
        Http.Answer after = browser.get("/");
        assertThat(after.status()).as("still not signed in").isEqualTo(302);
        assertThat(after.location()).endsWith("/login");
    }
}
