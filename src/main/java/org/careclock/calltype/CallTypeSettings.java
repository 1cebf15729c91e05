package org.careclock.calltype;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import org.careclock.base.Actor;
import org.careclock.base.NoDuplicates;

import java.util.Collections;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A call type's whole configuration: limits, grants per role and the session-timer settings.
 * Its constraints are the rules of a call type; pages and the API check them through the same
 * annotations. Lists are kept in a canonical order (thresholds descending, steps ascending) by
 * the service.
 */
@IdlePromptBeforeTimeout
public record CallTypeSettings(
        @NotNull(message = NAME_RULE) @Pattern(regexp = NAME_PATTERN, message = NAME_RULE)
        String name,
        @Min(value = 0, message = MAX_DURATION_RULE) @Max(value = MAX_SECONDS, message = MAX_DURATION_RULE)
        int maxDurationSeconds,
        Map<String, Set<@Grantable Capability>> grants,
        @NoDuplicates(message = "Alerts list {duplicate} twice")
        List<@Min(value = 1, message = ALERT_RULE) @Max(value = MAX_SECONDS, message = ALERT_RULE) Integer>
                alertThresholdsSeconds,
        @NoDuplicates(message = "Extension steps list {duplicate} twice")
        List<@Min(value = 1, message = STEP_RULE) @Max(value = MAX_SECONDS, message = STEP_RULE) Integer>
                extensionStepsSeconds,
        @Min(value = 0, message = IDLE_TIMEOUT_RULE) @Max(value = MAX_SECONDS, message = IDLE_TIMEOUT_RULE)
        int idleTimeoutSeconds,
        @Min(value = 0, message = IDLE_PROMPT_RULE) @Max(value = MAX_SECONDS, message = IDLE_PROMPT_RULE)
        int idlePromptSeconds,
        @Min(value = 1, message = EMPTY_TIMEOUT_RULE) @Max(value = MAX_SECONDS, message = EMPTY_TIMEOUT_RULE)
        int emptyTimeoutSeconds,
        @Min(value = MIN_PARTICIPANTS, message = PARTICIPANTS_RULE) @Max(value = MAX_PARTICIPANTS, message = PARTICIPANTS_RULE)
        int maxParticipants,
        @jakarta.validation.Valid Backstage backstage) {

    /** The longest duration, alert, extension step or timeout, in seconds (a day). */
    public static final int MAX_SECONDS = 86_400;
    /** The longest name. */
    public static final int NAME_MAX = 64;
    /** What a name may hold; it cannot change once the type exists. */
    public static final String NAME_PATTERN = "[a-z0-9_-]{1," + NAME_MAX + "}";

    public static final List<Integer> DEFAULT_ALERTS = List.of(1200, 300);
    public static final List<Integer> DEFAULT_STEPS = List.of(600, 1800);
    public static final int DEFAULT_IDLE_TIMEOUT = 180;
    public static final int DEFAULT_IDLE_PROMPT = 60;
    public static final int DEFAULT_EMPTY_TIMEOUT = 300;
    /** Present users per call: each browser connects to every other (a mesh), so a few at most. */
    public static final int MIN_PARTICIPANTS = 2;
    public static final int MAX_PARTICIPANTS = 8;
    public static final int DEFAULT_MAX_PARTICIPANTS = 4;

    static final String NAME_RULE = "Name may hold only a-z, 0-9, '_' or '-' (1 to " + NAME_MAX + " characters)";
    static final String MAX_DURATION_RULE = "Maximum duration must be between 0 and " + MAX_SECONDS
            + " seconds (0: no time limit)";
    static final String ALERT_RULE = "Alerts must each be between 1 and " + MAX_SECONDS + " seconds before the end";
    static final String STEP_RULE = "Extension steps must each be between 1 and " + MAX_SECONDS + " seconds";
    static final String IDLE_TIMEOUT_RULE = "Idle timeout must be between 0 and " + MAX_SECONDS + " seconds (0: off)";
    static final String IDLE_PROMPT_RULE = "Idle prompt must be between 0 and " + MAX_SECONDS + " seconds";
    static final String PARTICIPANTS_RULE = "Participants at most must be between " + MIN_PARTICIPANTS + " and "
            + MAX_PARTICIPANTS;
    static final String EMPTY_TIMEOUT_RULE = "Empty timeout must be between 1 and " + MAX_SECONDS + " seconds";

    public CallTypeSettings {
        backstage = backstage == null ? Backstage.OFF : backstage;
        grants = grants == null ? Map.of() : Map.copyOf(grants);
        alertThresholdsSeconds = alertThresholdsSeconds == null ? List.of() : List.copyOf(alertThresholdsSeconds);
        extensionStepsSeconds = extensionStepsSeconds == null ? List.of() : List.copyOf(extensionStepsSeconds);
    }

    /** The same settings with another number of participants at most. */
    public CallTypeSettings withMaxParticipants(int participants) {
        return new CallTypeSettings(name, maxDurationSeconds, grants, alertThresholdsSeconds, extensionStepsSeconds,
                idleTimeoutSeconds, idlePromptSeconds, emptyTimeoutSeconds, participants, backstage);
    }

    /** The same settings with another waiting room. */
    public CallTypeSettings withBackstage(Backstage newBackstage) {
        return new CallTypeSettings(name, maxDurationSeconds, grants, alertThresholdsSeconds, extensionStepsSeconds,
                idleTimeoutSeconds, idlePromptSeconds, emptyTimeoutSeconds, maxParticipants, newBackstage);
    }

    /** Settings with the default number of participants (4): for tests and the demo data; code that copies settings passes them all. */
    public CallTypeSettings(String name, int maxDurationSeconds, Map<String, Set<Capability>> grants,
                            List<Integer> alertThresholdsSeconds, List<Integer> extensionStepsSeconds,
                            int idleTimeoutSeconds, int idlePromptSeconds, int emptyTimeoutSeconds) {
        this(name, maxDurationSeconds, grants, alertThresholdsSeconds, extensionStepsSeconds, idleTimeoutSeconds,
                idlePromptSeconds, emptyTimeoutSeconds, DEFAULT_MAX_PARTICIPANTS, Backstage.OFF);
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
                idleTimeoutSeconds, idlePromptSeconds, emptyTimeoutSeconds, maxParticipants, backstage);
    }

    /** The same settings in canonical form: thresholds descending, steps ascending, no role without a grant. */
    CallTypeSettings canonical() {
        Map<String, Set<Capability>> granted = new LinkedHashMap<>();
        grants.forEach((role, caps) -> {
            if (!caps.isEmpty()) {
                granted.put(role, EnumSet.copyOf(caps));
            }
        });
        return new CallTypeSettings(name, maxDurationSeconds, granted,
                alertThresholdsSeconds.stream().sorted(Comparator.reverseOrder()).toList(),
                extensionStepsSeconds.stream().sorted().toList(),
                idleTimeoutSeconds, idlePromptSeconds, emptyTimeoutSeconds, maxParticipants, backstage);
    }
}
