package org.careclock.security;

import org.careclock.security.AttemptStore.AccountAttempts;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;

/** The lock rule alone, on plain instants: counting, doubling, the cap, forgetting. */
class AttemptRulesTest {

    private static final SignInProperties RULES = new SignInProperties(5, Duration.ofMinutes(5), Duration.ofHours(1),
            Duration.ofHours(24), 20, Duration.ofMinutes(10));
    private static final Instant T0 = Instant.parse("2026-03-02T09:00:00Z");

    @Test
    void locks_double_up_to_the_maximum() {
        assertThat(RULES.lock(1)).isEqualTo(Duration.ofMinutes(5));
        assertThat(RULES.lock(2)).isEqualTo(Duration.ofMinutes(10));
        assertThat(RULES.lock(4)).isEqualTo(Duration.ofMinutes(40));
        assertThat(RULES.lock(5)).isEqualTo(Duration.ofHours(1));
        assertThat(RULES.lock(60)).isEqualTo(Duration.ofHours(1));
    }

    @Test
    void the_fifth_failure_in_a_row_locks_and_starts_counting_afresh() {
        AccountAttempts a = AccountAttempts.NONE;
        for (int i = 1; i <= 4; i++) {
            a = a.failed(T0.plusSeconds(i), RULES);
            assertThat(a.failures()).isEqualTo(i);
            assertThat(a.lockedAt(T0.plusSeconds(i))).isFalse();
        }
        a = a.failed(T0.plusSeconds(5), RULES);
        assertThat(a.lockedAt(T0.plusSeconds(5))).isTrue();
        assertThat(a.lockedUntil()).isEqualTo(T0.plusSeconds(5).plus(Duration.ofMinutes(5)));
        assertThat(a.failures()).isZero();
        assertThat(a.locks()).isEqualTo(1);
    }

    @Test
    void a_day_without_failures_forgets_the_past() {
        AccountAttempts a = AccountAttempts.NONE;
        for (int i = 0; i < 9; i++) {
            a = a.failed(T0, RULES);
        }
        assertThat(a.locks()).isEqualTo(1);
        assertThat(a.failures()).isEqualTo(4);
        Instant later = T0.plus(Duration.ofHours(24));
        assertThat(a.forgetAt(RULES)).isEqualTo(later);
        a = a.failed(later, RULES);
        assertThat(a.failures()).isEqualTo(1);
        assertThat(a.locks()).isZero();
    }
}
