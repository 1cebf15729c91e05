package org.careclock.calltype;

import org.junit.jupiter.api.Test;

import java.util.EnumSet;

import static org.assertj.core.api.Assertions.assertThat;

class CapabilityTest {

    @Test
    void change_max_duration_is_held_exactly_with_update_call_and_update_call_settings() {
        assertThat(Capability.withDerived(EnumSet.of(Capability.UPDATE_CALL, Capability.UPDATE_CALL_SETTINGS)))
                .contains(Capability.CHANGE_MAX_DURATION);
        assertThat(Capability.withDerived(EnumSet.of(Capability.UPDATE_CALL))).doesNotContain(Capability.CHANGE_MAX_DURATION);
        assertThat(Capability.withDerived(EnumSet.of(Capability.UPDATE_CALL_SETTINGS))).doesNotContain(Capability.CHANGE_MAX_DURATION);
        assertThat(Capability.withDerived(EnumSet.noneOf(Capability.class))).isEmpty();
    }

    @Test
    void wire_names_are_the_spec_strings() {
        assertThat(Capability.grantable()).extracting(Capability::wireName).containsExactly(
                "join-call", "send-audio", "send-video", "update-call", "update-call-settings", "end-call",
                "read-call", "join-ended-call", "create-call");
        assertThat(Capability.fromWireName("change-max-duration")).contains(Capability.CHANGE_MAX_DURATION);
        assertThat(Capability.fromWireName("fly")).isEmpty();
    }
}
