package org.careclock.session;

import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class TimerRulesTest {

    static final Instant END = Instant.parse("2026-03-02T10:00:00Z");

    @Test
    void no_threshold_has_passed_long_before_the_end() {
        assertThat(TimerRules.mostUrgentPassed(List.of(1200, 300), END, END.minusSeconds(1201))).isNull();
    }

    @Test
    void a_threshold_counts_as_passed_from_its_exact_instant() {
        assertThat(TimerRules.mostUrgentPassed(List.of(1200, 300), END, END.minusSeconds(1200))).isEqualTo(1200);
    }

    @Test
    void of_several_passed_thresholds_only_the_most_urgent_is_answered() {
        assertThat(TimerRules.mostUrgentPassed(List.of(1200, 300), END, END.minusSeconds(10))).isEqualTo(300);
        assertThat(TimerRules.mostUrgentPassed(List.of(300, 1200, 60), END, END.minusSeconds(100))).isEqualTo(300);
    }

    @Test
    void without_thresholds_nothing_is_answered() {
        assertThat(TimerRules.mostUrgentPassed(List.of(), END, END)).isNull();
    }
}
