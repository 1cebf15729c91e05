package org.careclock.security;

import org.careclock.api.ApiCredentials;
import org.careclock.base.Actor;
import org.careclock.session.MediaProperties;
import org.careclock.session.SessionEvent;
import org.careclock.session.SignalKind;
import org.careclock.session.TurnCredentials;
import org.careclock.testing.SpringTest;
import org.careclock.user.UserService;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;
import org.springframework.web.context.WebApplicationContext;

import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.setup.SecurityMockMvcConfigurers.springSecurity;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

/**
 * No secret reaches the log: not the API secret CareClock generates at its first start (the log
 * says where an administrator finds it), not the TURN secret, not a password typed at the
 * sign-in form, right or wrong, and no generated fallback password of the framework. The whole
 * output of a fresh start is captured, with debug logging of CareClock and of sign-in on; the
 * values that carry secrets also keep them out of their {@code toString}.
 */
@TestPropertySource(properties = {"careclock.api.key=", "careclock.api.secret=",
        "careclock.media.turn-secret=" + NoSecretsInLogTest.TURN_SECRET,
        "careclock.media.ice-servers=stun:turn.clinic.example:3478,turn:turn.clinic.example:3478",
        "logging.level.org.careclock=debug", "logging.level.org.springframework.security=debug"})
@ExtendWith(OutputCaptureExtension.class)
class NoSecretsInLogTest extends SpringTest {

    static final String TURN_SECRET = "turn-secret-that-must-stay-out-of-the-log-7Qx";
    private static final String WRONG_PASSWORD = "wrong-password-typed-Zq81";

    @Autowired
    private ApiCredentials credentials;
    @Autowired
    private MediaProperties media;
    @Autowired
    private WebApplicationContext context;

    @Test
    void nothing_secret_is_logged_from_start_to_sign_in(CapturedOutput output) throws Exception {
        MockMvc mvc = MockMvcBuilders.webAppContextSetup(context).apply(springSecurity()).build();
        mvc.perform(post("/login").param("username", "clarice").param("password", WRONG_PASSWORD).with(csrf())
                .with(r -> { r.setRemoteAddr("10.66.0.1"); return r; }));
        mvc.perform(post("/login").param("username", "clarice").param("password", PASSWORD).with(csrf())
                .with(r -> { r.setRemoteAddr("10.66.0.1"); return r; }));
        String generatedSecret = credentials.access(Actor.api()).generatedSecret();

        String log = output.getAll();
        assertThat(generatedSecret).isNotBlank();
        assertThat(log).as("the log says where the generated pair is").contains("Administration > API access");
        assertThat(log).doesNotContain(generatedSecret, TURN_SECRET, WRONG_PASSWORD, PASSWORD,
                "Using generated security password");
    }

    @Test
    void values_that_carry_secrets_keep_them_out_of_their_text() {
        assertThat(media.toString()).doesNotContain(TURN_SECRET).contains("(hidden)");
        TurnCredentials minted = TurnCredentials.mint(TURN_SECRET, "bill", Instant.parse("2026-03-02T10:00:00Z"));
        assertThat(minted.toString()).doesNotContain(minted.password());
        assertThat(credentials.access(Actor.api()).toString())
                .doesNotContain(credentials.access(Actor.api()).generatedSecret());
        assertThat(new UserService.UserForm("x", "X", "patient", true, "hunter2-hunter2").toString())
                .doesNotContain("hunter2");
        assertThat(users.credentials("bill").orElseThrow().toString()).doesNotContain("{bcrypt}", "$2a$");
        assertThat(new SessionEvent.SignalRelayed("t:c", 1, "bill", 2, SignalKind.OFFER,
                "v=0\r\na=ice-pwd:very-secret-ice-password\r\n").toString()).doesNotContain("very-secret-ice-password");
    }
}
