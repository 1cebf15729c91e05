package org.careclock.postgres;

import org.careclock.audit.AuditEntry;
import org.careclock.audit.AuditService;
import org.careclock.base.RefusedException;
import org.careclock.call.CallService;
import org.careclock.call.CallSessionStore;
import org.careclock.call.CallState;
import org.careclock.call.EndReason;
import org.careclock.call.NewCall;
import org.careclock.calltype.CallTypeService;
import org.careclock.calltype.CallTypeSettings;
import org.careclock.base.Actor;
import org.careclock.session.SessionTimerService;
import org.careclock.testing.SpringTest;
import org.careclock.testing.TestCallTypes;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfEnvironmentVariable;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.TestPropertySource;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The production database: Flyway's migrations, Hibernate's schema validation, the row locks
 * and the guarded end on PostgreSQL. Runs when CARECLOCK_TEST_POSTGRES_URL names an empty
 * database (.ci/run starts one); user and password come from CARECLOCK_TEST_POSTGRES_USER and
 * CARECLOCK_TEST_POSTGRES_PASSWORD.
 */
@EnabledIfEnvironmentVariable(named = "CARECLOCK_TEST_POSTGRES_URL", matches = ".+")
@TestPropertySource(properties = {
        "spring.datasource.url=${CARECLOCK_TEST_POSTGRES_URL}",
        "spring.datasource.username=${CARECLOCK_TEST_POSTGRES_USER:careclock}",
        "spring.datasource.password=${CARECLOCK_TEST_POSTGRES_PASSWORD:careclock}"})
class PostgresCompatibilityTest extends SpringTest {

    @Autowired CallTypeService types;
    @Autowired CallService calls;
    @Autowired SessionTimerService timers;
    @Autowired CallSessionStore store;
    @Autowired AuditService audit;

    @Test
    void a_whole_session_runs_on_postgresql() {
        String type = freshId("pg");
        types.create(Actor.api(), TestCallTypes.standard(type, 3600, 180, 60, 300));
        String id = freshId("visit");
        calls.create(Actor.api(), new NewCall(type, id, "On PostgreSQL", List.of("dr-lecter", "bill"), "dr-lecter",
                clock.instant(), null));
        Instant start = clock.instant();
        timers.join(actor("dr-lecter"), type, id, null);
        timers.join(actor("bill"), type, id, null);

        timers.extend(actor("dr-lecter"), type, id, 600);
        assertThat(store.get(type + ":" + id).timerEndsAt()).isEqualTo(start.plusSeconds(4200));
        assertThatThrownBy(() -> timers.extend(actor("bill"), type, id, 600)).isInstanceOf(RefusedException.class);

        scheduler.advance(Duration.ofSeconds(4200));
        assertThat(store.get(type + ":" + id).state()).isEqualTo(CallState.ENDED);
        assertThat(store.get(type + ":" + id).endReason()).isEqualTo(EndReason.TIMER_EXPIRED);
        assertThat(store.end(type + ":" + id, start, EndReason.ENDED_BY_USER, clock.instant())).isFalse();
        assertThat(audit.ofCall(Actor.api(), type + ":" + id)).extracting(AuditEntry::action)
                .containsExactly("deadline-started", "deadline-extended", "ended");
    }

    @Test
    void call_type_rules_hold_on_postgresql() {
        String type = freshId("pgtype");
        types.create(Actor.api(), CallTypeSettings.defaults(type, 600));
        assertThat(types.get(type).alertThresholdsSeconds()).containsExactly(1200, 300);
        calls.create(Actor.api(), new NewCall(type, "in-use", null, List.of("bill"), null, null, null));
        assertThatThrownBy(() -> types.delete(Actor.api(), type)).hasMessageContaining("is used by 1");
    }
}
