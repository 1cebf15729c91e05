package org.careclock.security;

import org.careclock.audit.AuditEntry;
import org.careclock.audit.AuditService;
import org.careclock.base.Actor;
import org.careclock.base.RefusedException;
import org.careclock.base.SignInLocks;
import org.careclock.testing.SpringTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;
import org.springframework.web.context.WebApplicationContext;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.setup.SecurityMockMvcConfigurers.springSecurity;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

/**
 * Failed sign-ins, through the real sign-in form and filter chain, on virtual time: five in a row
 * lock an account for five minutes, the next lock lasts ten; a locked account is refused even
 * with its password, with the same answer as a wrong password or an unknown name; one address
 * that fails too often waits, whatever the accounts; an administrator sees and lifts a lock; the
 * audit log has every step.
 */
class SignInThrottleTest extends SpringTest {

    private static final AtomicInteger addresses = new AtomicInteger();

    @Autowired
    private WebApplicationContext context;
    @Autowired
    private SignInLocks locks;
    @Autowired
    private AuditService audit;

    private MockMvc mvc;
    private String address;

    @BeforeEach
    void setUp() {
        mvc = MockMvcBuilders.webAppContextSetup(context).apply(springSecurity()).build();
        address = "10.88." + (addresses.incrementAndGet() / 250) + "." + (addresses.get() % 250 + 1);
    }

    @Test
    void five_failures_in_a_row_lock_an_account_for_five_minutes_even_against_its_password() throws Exception {
        String user = patient("lock");
        for (int i = 0; i < 4; i++) {
            assertThat(signIn(user, "wrong-password")).isEqualTo(Outcome.REFUSED);
        }
        assertThat(signIn(user, PASSWORD)).as("four failures: not locked yet").isEqualTo(Outcome.SIGNED_IN);

        for (int i = 0; i < 5; i++) {
            assertThat(signIn(user, "wrong-password")).isEqualTo(Outcome.REFUSED);
        }
        assertThat(signIn(user, PASSWORD)).as("locked").isEqualTo(Outcome.REFUSED);
        assertThat(locks.locked(admin())).containsEntry(user, clock.instant().plus(Duration.ofMinutes(5)));

        clock.advance(Duration.ofMinutes(5).minusSeconds(1));
        assertThat(signIn(user, PASSWORD)).as("a second before the end").isEqualTo(Outcome.REFUSED);
        clock.advance(Duration.ofSeconds(1));
        assertThat(signIn(user, PASSWORD)).as("lock over").isEqualTo(Outcome.SIGNED_IN);
        assertThat(locks.locked(admin())).doesNotContainKey(user);
    }

    @Test
    void each_further_lock_lasts_twice_as_long() throws Exception {
        String user = patient("grow");
        fail(user, 5);
        assertThat(locks.locked(admin()).get(user)).isEqualTo(clock.instant().plus(Duration.ofMinutes(5)));
        clock.advance(Duration.ofMinutes(5));
        fail(user, 5);
        assertThat(locks.locked(admin()).get(user)).isEqualTo(clock.instant().plus(Duration.ofMinutes(10)));
        clock.advance(Duration.ofMinutes(10));
        fail(user, 5);
        assertThat(locks.locked(admin()).get(user)).isEqualTo(clock.instant().plus(Duration.ofMinutes(20)));
        clock.advance(Duration.ofMinutes(20));
        assertThat(signIn(user, PASSWORD)).isEqualTo(Outcome.SIGNED_IN);
        fail(user, 5);
        assertThat(locks.locked(admin()).get(user)).as("a success starts afresh")
                .isEqualTo(clock.instant().plus(Duration.ofMinutes(5)));
    }

    @Test
    void attempts_while_locked_do_not_lengthen_the_lock() throws Exception {
        String user = patient("steady");
        fail(user, 5);
        var until = locks.locked(admin()).get(user);
        clock.advance(Duration.ofMinutes(2));
        fail(user, 10);
        assertThat(locks.locked(admin()).get(user)).isEqualTo(until);
    }

    @Test
    void an_unknown_name_gets_the_same_answer_and_is_locked_like_an_account() throws Exception {
        String ghost = "ghost-" + Long.toString(System.nanoTime(), 36);
        String user = patient("known");
        for (int i = 0; i < 5; i++) {
            assertThat(signInRedirect(ghost, "whatever")).isEqualTo(signInRedirect(user, "wrong-password"));
        }
        assertThat(signInRedirect(ghost, "whatever")).isEqualTo(signInRedirect(user, PASSWORD))
                .isEqualTo("/login?error");
        assertThat(locks.locked(admin())).as("only accounts are listed").doesNotContainKey(ghost).containsKey(user);
        List<AuditEntry> entries = audit.latest(admin(), 200);
        assertThat(entries).noneMatch(e -> String.valueOf(e.actor()).contains(ghost) || String.valueOf(e.detail()).contains(ghost));
        assertThat(entries).anyMatch(e -> e.actor() == null && "account-locked".equals(e.action())
                && e.detail().contains(address));
    }

    @Test
    void an_address_that_fails_too_often_waits_whatever_the_accounts() throws Exception {
        for (int i = 0; i < 20; i++) {
            assertThat(signIn(patient("spray"), "wrong-password")).isEqualTo(Outcome.REFUSED);
        }
        String victim = patient("victim");
        assertThat(signIn(victim, PASSWORD)).as("the address has no attempts left").isEqualTo(Outcome.REFUSED);
        String elsewhere = address;
        address = "10.99.0." + (addresses.incrementAndGet() % 250 + 1);
        assertThat(signIn(victim, PASSWORD)).as("from another address").isEqualTo(Outcome.SIGNED_IN);
        address = elsewhere;
        clock.advance(Duration.ofSeconds(30));
        assertThat(signIn(victim, PASSWORD)).as("one attempt regained after 30 s").isEqualTo(Outcome.SIGNED_IN);
        assertThat(audit.latest(admin(), 200)).anyMatch(e -> "address-throttled".equals(e.action())
                && e.detail().contains(elsewhere));
    }

    @Test
    void an_administrator_sees_the_lock_and_lifts_it() throws Exception {
        String user = patient("unlock");
        fail(user, 5);
        assertThat(locks.locked(admin())).containsKey(user);
        assertThatThrownBy(() -> locks.locked(actor("bill"))).isInstanceOf(RefusedException.class);
        assertThatThrownBy(() -> locks.unlock(actor("dr-lecter"), user)).isInstanceOf(RefusedException.class);
        assertThat(signIn(user, PASSWORD)).isEqualTo(Outcome.REFUSED);

        assertThat(locks.unlock(admin(), user)).isTrue();
        assertThat(locks.locked(admin())).doesNotContainKey(user);
        assertThat(locks.unlock(admin(), user)).as("nothing left to lift").isFalse();
        assertThat(signIn(user, PASSWORD)).isEqualTo(Outcome.SIGNED_IN);
    }

    @Test
    void the_audit_log_has_every_sign_in_failure_lock_and_unlock() throws Exception {
        String user = patient("audit");
        assertThat(signIn(user, PASSWORD)).isEqualTo(Outcome.SIGNED_IN);
        fail(user, 5);
        signIn(user, PASSWORD);
        locks.unlock(admin(), user);
        List<AuditEntry> mine = audit.latest(admin(), 200).stream()
                .filter(e -> e.cid() == null && (user.equals(e.actor()) || String.valueOf(e.detail()).contains(user)))
                .toList().reversed();
        assertThat(mine).extracting(AuditEntry::action).containsExactly("signed-in", "sign-in-failed",
                "sign-in-failed", "sign-in-failed", "sign-in-failed", "sign-in-failed", "account-locked",
                "sign-in-refused", "account-unlocked");
        assertThat(mine.getFirst().detail()).isEqualTo("from " + address);
        assertThat(mine.get(6).newEndsAt()).isEqualTo(clock.instant().plus(Duration.ofMinutes(5)));
        assertThat(mine.getLast().actor()).isEqualTo("admin");
        assertThat(mine).allSatisfy(e -> assertThat(String.valueOf(e.detail())).doesNotContain("wrong-password"));
    }

    private enum Outcome { SIGNED_IN, REFUSED }

    private Outcome signIn(String user, String password) throws Exception {
        return signInRedirect(user, password).contains("error") ? Outcome.REFUSED : Outcome.SIGNED_IN;
    }

    private String signInRedirect(String user, String password) throws Exception {
        String from = address;
        return mvc.perform(post("/login").param("username", user).param("password", password).with(csrf())
                        .with(request -> {
                            request.setRemoteAddr(from);
                            return request;
                        }))
                .andReturn().getResponse().getRedirectedUrl();
    }

    private void fail(String user, int times) throws Exception {
        for (int i = 0; i < times; i++) {
            assertThat(signIn(user, "wrong-password")).isEqualTo(Outcome.REFUSED);
        }
    }

    private String patient(String prefix) {
        String id = freshId(prefix);
        users.provision(id, "Test " + id, "patient", PASSWORD);
        return id;
    }

    private Actor admin() {
        return actor("admin");
    }
}
