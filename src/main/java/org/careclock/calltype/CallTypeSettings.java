package org.careclock.calltype;

import org.careclock.base.Actor;

import java.util.Collections;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A call type's whole configuration: limits, grants per role and the session-timer settings.
 * Lists are kept in a canonical order (thresholds descending, steps ascending) by the service.
 */
public record CallTypeSettings(
        String name,
        int maxDurationSeconds,
        Map<String, Set<Capability>> grants,
        List<Integer> alertThresholdsSeconds,
        List<Integer> extensionStepsSeconds,
        int idleTimeoutSeconds,
        int idlePromptSeconds,
        int emptyTimeoutSeconds) {

    public static final int MAX_SECONDS = 86_400;
    public static final List<Integer> DEFAULT_ALERTS = List.of(1200, 300);
    public static final List<Integer> DEFAULT_STEPS = List.of(600, 1800);
    public static final int DEFAULT_IDLE_TIMEOUT = 180;
    public static final int DEFAULT_IDLE_PROMPT = 60;
    public static final int DEFAULT_EMPTY_TIMEOUT = 300;

    public CallTypeSettings {
        grants = grants == null ? Map.of() : Map.copyOf(grants);
        alertThresholdsSeconds = alertThresholdsSeconds == null ? List.of() : List.copyOf(alertThresholdsSeconds);
        extensionStepsSeconds = extensionStepsSeconds == null ? List.of() : List.copyOf(extensionStepsSeconds);
    }

    /** A new type with the given limit, no grants and every other setting at its default. */
    public static CallTypeSettings defaults(String name, int maxDurationSeconds) {
        return new CallTypeSettings(name, maxDurationSeconds, Map.of(), DEFAULT_ALERTS, DEFAULT_STEPS,
                DEFAULT_IDLE_TIMEOUT, DEFAULT_IDLE_PROMPT, DEFAULT_EMPTY_TIMEOUT);
    }

    /** What the type grants a role, without the derived capabilities. */
    public Set<Capability> grantsOf(String role) {
        return grants.getOrDefault(role, Set.of());
    }

    /** What a role holds in calls of this type: its grants and what they imply. */
    public Set<Capability> capabilitiesOf(String role) {
        return Capability.withDerived(grantsOf(role));
    }

    /**
     * What {@code actor} holds in calls of this type: the capabilities of their role; the API's
     * server identity holds every capability.
     */
    public Set<Capability> capabilitiesOf(Actor actor) {
        return actor.server() ? Collections.unmodifiableSet(EnumSet.allOf(Capability.class)) : capabilitiesOf(actor.role());
    }

    public CallTypeSettings withGrants(Map<String, Set<Capability>> newGrants) {
        return new CallTypeSettings(name, maxDurationSeconds, newGrants, alertThresholdsSeconds, extensionStepsSeconds,
                idleTimeoutSeconds, idlePromptSeconds, emptyTimeoutSeconds);
    }
}
