package org.careclock.call;

import org.careclock.calltype.CallTypeService;
import org.careclock.calltype.CallTypeSettings;
import org.careclock.base.Actor;
import org.careclock.testing.SpringTest;
import org.careclock.testing.TestTime;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The persisted session against the real database, with instants as a real clock gives them. */
class CallSessionStoreTest extends SpringTest {

    @Autowired CallSessionStore store;
    @Autowired CallService calls;
    @Autowired CallTypeService types;

    @Test
    void a_session_started_at_a_nanosecond_instant_ends() {
        String type = freshId("precise");
        types.create(Actor.api(), CallTypeSettings.defaults(type, 60));
        String id = freshId("visit");
        String cid = type + ":" + id;
        calls.create(Actor.api(), new NewCall(type, id, null, List.of("dr-lecter", "bill"), "dr-lecter", null, null));
        // The system clock has nanoseconds; the database keeps microseconds.
        Instant now = TestTime.START.plusNanos(123_456_789);

        SessionRecord started = store.startIfNotRunning(cid, now, null, false);

        assertThat(store.end(cid, started.startedAt(), EndReason.TIMER_EXPIRED, now.plusSeconds(60))).isTrue();
        SessionRecord after = store.get(cid);
        assertThat(after.state()).isEqualTo(CallState.ENDED);
        assertThat(after.endReason()).isEqualTo(EndReason.TIMER_EXPIRED);
    }
}
