package org.careclock.demo;

import org.careclock.base.Actor;
import org.careclock.call.CallDetails;
import org.careclock.call.CallService;
import org.careclock.call.CallState;
import org.careclock.calltype.Capability;
import org.careclock.base.Roles;
import org.careclock.testing.SpringTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The demo stays usable: specialists may end the demo calls, and an ended try-it-now call comes back. */
class DemoDataTest extends SpringTest {

    @Autowired DemoData demo;
    @Autowired CallService calls;

    @Test
    void specialists_may_end_calls_of_both_demo_types() {
        assertThat(DemoData.appointmentType().grants().get(Roles.SPECIALIST)).contains(Capability.END_CALL);
        assertThat(DemoData.quickCheckType().grants().get(Roles.SPECIALIST)).contains(Capability.END_CALL);
        assertThat(DemoData.appointmentType().grants().get(Roles.PATIENT)).doesNotContain(Capability.END_CALL);
    }

    @Test
    void an_ended_demo_appointment_gets_a_fresh_joinable_counterpart_at_the_next_start() {
        CallDetails ended = latest("demo-quick");
        calls.endIfNotStarted(Actor.api(), "quick-check", ended.id());
        assertThat(latest("demo-quick").state()).isEqualTo(CallState.ENDED);

        demo.renewEnded();

        CallDetails fresh = latest("demo-quick");
        assertThat(fresh.id()).isNotEqualTo(ended.id()).startsWith("demo-quick-");
        assertThat(fresh.state()).isEqualTo(CallState.SCHEDULED);
        assertThat(fresh.type()).isEqualTo("quick-check");
        assertThat(fresh.title()).isEqualTo(ended.title());
        assertThat(fresh.members()).containsExactlyInAnyOrderElementsOf(ended.members());
        assertThat(fresh.scheduledStart()).isAfter(clock.instant());

        demo.renewEnded();
        assertThat(latest("demo-quick").id()).as("a joinable one is not renewed again").isEqualTo(fresh.id());
    }

    private CallDetails latest(String base) {
        List<CallDetails> series = calls.listAll(actor("admin")).stream()
                .filter(c -> c.type().equals("quick-check") && (c.id().equals(base) || c.id().startsWith(base + "-")))
                .toList();
        return series.stream().max((a, b) -> Integer.compare(number(a.id(), base), number(b.id(), base))).orElseThrow();
    }

    private static int number(String id, String base) {
        return id.equals(base) ? 1 : Integer.parseInt(id.substring(base.length() + 1));
    }
}
