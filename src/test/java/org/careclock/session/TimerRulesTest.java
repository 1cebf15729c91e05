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

    @Test
    void only_thresholds_still_ahead_are_planned() {
        assertThat(TimerRules.thresholdsAhead(List.of(1200, 300), END, END.minusSeconds(1201))).containsExactly(1200, 300);
        assertThat(TimerRules.thresholdsAhead(List.of(1200, 300), END, END.minusSeconds(1200)))
                .as("a threshold due now is passed, not ahead").containsExactly(300);
        assertThat(TimerRules.thresholdsAhead(List.of(1200, 300), END, END)).isEmpty();
    }

    @Test
    void a_budget_must_end_after_now_unless_it_has_no_timer() {
        Instant start = END.minusSeconds(3600);
        assertThat(TimerRules.endsAfter(start, 3601, END)).isTrue();
        assertThat(TimerRules.endsAfter(start, 3600, END)).as("ending exactly now is not after now").isFalse();
        assertThat(TimerRules.endsAfter(start, 0, END)).as("0 means no timer").isTrue();
    }

    @Test
    void the_lone_participant_is_asked_idle_timeout_minus_prompt_after_becoming_alone() {
        assertThat(TimerRules.idlePromptAt(END, 180, 60)).isEqualTo(END.plusSeconds(120));
    }

    @Test
    void a_page_is_gone_one_presence_timeout_after_its_last_heartbeat() {
        assertThat(TimerRules.goneAt(END, java.time.Duration.ofSeconds(30))).isEqualTo(END.plusSeconds(30));
    }
}
