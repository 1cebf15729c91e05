package org.careclock.calltype;

import org.careclock.base.Actor;
import org.junit.jupiter.api.Test;

import java.util.EnumSet;
import java.util.Map;

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
                "join-call", "join-backstage", "send-audio", "send-video", "update-call", "update-call-settings",
                "end-call", "read-call", "join-ended-call", "create-call");
        assertThat(Capability.fromWireName("change-max-duration")).contains(Capability.CHANGE_MAX_DURATION);
        assertThat(Capability.fromWireName("fly")).isEmpty();
    }

    @Test
    void a_derived_capability_names_what_it_follows_from_and_is_not_grantable() {
        assertThat(Capability.CHANGE_MAX_DURATION.derived()).isTrue();
        assertThat(Capability.CHANGE_MAX_DURATION.derivedFrom()).isEqualTo("update-call and update-call-settings");
        assertThat(Capability.JOIN_CALL.derived()).isFalse();
        assertThat(Capability.grantable()).doesNotContain(Capability.CHANGE_MAX_DURATION);
    }

    @Test
    void what_a_role_holds_in_a_type_includes_the_derived_capability_and_the_api_holds_everything() {
        CallTypeSettings type = CallTypeSettings.defaults("consult", 60).withGrants(Map.of(
                "specialist", EnumSet.of(Capability.UPDATE_CALL, Capability.UPDATE_CALL_SETTINGS),
                "patient", EnumSet.of(Capability.UPDATE_CALL)));
        assertThat(type.capabilitiesOf("specialist")).contains(Capability.CHANGE_MAX_DURATION);
        assertThat(type.capabilitiesOf(Actor.user("bill", "patient"))).containsExactly(Capability.UPDATE_CALL);
        assertThat(type.capabilitiesOf(Actor.user("admin", "admin"))).isEmpty();
        assertThat(type.capabilitiesOf(Actor.api())).containsExactlyInAnyOrder(Capability.values());
    }
}
