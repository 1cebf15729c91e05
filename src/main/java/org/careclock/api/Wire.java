package org.careclock.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import tools.jackson.databind.PropertyNamingStrategies;
import tools.jackson.databind.annotation.JsonNaming;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * The API's response bodies, in the snake_case of the wire. Dates are ISO-8601 strings; a null
 * means "none" (no session yet, no deadline, not ended).
 */
final class Wire {

    private Wire() {
    }

    /** Every error: the wire code, a message for people, the HTTP status again. */
    record ErrorBody(int code, String message, @JsonProperty("StatusCode") int statusCode) {
    }

    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    record RoleResponse(Role role) {
    }

    /** {@code custom} is false for the built-in roles (admin, specialist, patient). */
    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    record Role(String name, boolean custom, List<String> scopes) {
    }

    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    record CallType(String name, Map<String, List<String>> grants, CallTypeSettings settings) {
    }

    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    record CallTypeSettings(Limits limits, SessionTimer sessionTimer, Backstage backstage) {
    }

    /** The waiting room: with {@code enabled}, a call goes live only when started (go_live). */
    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    record Backstage(boolean enabled, int joinAheadTimeSeconds) {
    }

    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    record Limits(int maxDurationSeconds, int maxParticipants) {
    }

    /** CareClock's own call-type settings, beside the standard ones. */
    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    record SessionTimer(List<Integer> alertThresholdsSeconds, List<Integer> extensionStepsSeconds,
                        int idleTimeoutSeconds, int idlePromptSeconds, int emptyTimeoutSeconds) {
    }

    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    record Users(Map<String, User> users) {
    }

    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    record User(String id, String name, String role) {
    }

    /** A call with its members and what the caller may do; {@code created} only answers get-or-create. */
    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    record CallResponse(Call call, List<Member> members, List<String> ownCapabilities,
                        @JsonInclude(JsonInclude.Include.NON_NULL) Boolean created) {
    }

    /**
     * A call. {@code settings.limits.max_duration_seconds} is the effective budget (the running
     * session's, else the call's override, else the type's). {@code state} and {@code end_reason}
     * are CareClock's: SCHEDULED, IN_PROGRESS or ENDED, and why it ended. {@code backstage} is true
     * while a call with a waiting room is not live (as Stream's).
     */
    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    record Call(String cid, String type, String id, String title, User createdBy, Instant createdAt,
                Instant startsAt, CallSettings settings, Session session, Instant endedAt, String state,
                String endReason, boolean backstage) {
    }

    /** {@code backstage}: the call's waiting room (its own, else its type's). */
    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    record CallSettings(Limits limits, Backstage backstage) {
    }

    /** The latest session: null before the first join; {@code timer_ends_at} only while it runs with a timer. */
    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    record Session(Instant startedAt, Instant timerEndsAt, Instant endedAt, List<Participant> participants) {
    }

    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    record Participant(String userId, User user) {
    }

    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    record Member(String userId, User user, String role) {
    }
}
