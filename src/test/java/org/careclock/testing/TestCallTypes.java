package org.careclock.testing;

import org.careclock.calltype.Capability;
import org.careclock.calltype.CallTypeSettings;
import org.careclock.base.Roles;

import java.util.EnumSet;
import java.util.List;
import java.util.Map;

/** Call types for tests: the seed's grants plus end-call for specialists, alerts at 20 and 5 minutes. */
public final class TestCallTypes {

    private TestCallTypes() {
    }

    public static CallTypeSettings standard(String name, int maxSeconds, int idleTimeout, int idlePrompt, int emptyTimeout) {
        EnumSet<Capability> patient = EnumSet.of(Capability.JOIN_CALL, Capability.SEND_AUDIO, Capability.SEND_VIDEO);
        EnumSet<Capability> specialist = EnumSet.copyOf(patient);
        specialist.addAll(EnumSet.of(Capability.UPDATE_CALL, Capability.UPDATE_CALL_SETTINGS, Capability.END_CALL));
        return new CallTypeSettings(name, maxSeconds, Map.of(Roles.SPECIALIST, specialist, Roles.PATIENT, patient),
                List.of(1200, 300), List.of(600, 1800), idleTimeout, idlePrompt, emptyTimeout);
    }

    /** {@link #standard} with a waiting room that opens {@code joinAheadSeconds} ahead, started by specialists. */
    public static CallTypeSettings withWaitingRoom(String name, int maxSeconds, int joinAheadSeconds) {
        CallTypeSettings settings = standard(name, maxSeconds, 180, 60, 300);
        Map<String, java.util.Set<Capability>> grants = new java.util.HashMap<>(settings.grants());
        EnumSet<Capability> staff = EnumSet.copyOf(grants.get(Roles.SPECIALIST));
        staff.add(Capability.JOIN_BACKSTAGE);
        grants.put(Roles.SPECIALIST, staff);
        return settings.withGrants(grants).withBackstage(new org.careclock.calltype.Backstage(true, joinAheadSeconds));
    }
}
