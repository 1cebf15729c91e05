package org.careclock.api;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import java.util.List;
import java.util.Map;

/**
 * The API's request bodies, bound by {@link RequestBodies} in the snake_case of the wire
 * ({@code maxDurationSeconds} is {@code max_duration_seconds}) and checked with Bean Validation
 * before an endpoint sees them. A field CareClock does not know is refused, never ignored. A
 * missing field and a {@code null} are the same: "leave it as it is" (or the default for a new
 * thing). What only the stored data can decide (an unknown user, a duration that has passed) is
 * checked by the services, which name the field the same way.
 */
final class Requests {

    /** A constraint message that reads after the field's path: "name is required". */
    static final String REQUIRED = "is required";

    private Requests() {
    }

    /** A whole request body (what an endpoint takes with {@code @RequestBody}). */
    sealed interface Body {
    }

    /** {@code POST /api/v2/roles}. */
    record CreateRole(@NotNull(message = REQUIRED) String name) implements Body {
    }

    /** {@code POST /api/v2/users}: users by id. */
    record UpsertUsers(
            @NotNull(message = REQUIRED)
            @Size(max = UsersApi.MAX_USERS, message = "may hold at most " + UsersApi.MAX_USERS + " users per request")
            Map<String, User> users) implements Body {
    }

    /** One user: {@code id}, when given, repeats the key it is listed under. */
    record User(String id, String name, String role) {
    }

    /** {@code POST /api/v2/video/calltypes}. */
    record CreateCallType(@NotNull(message = REQUIRED) String name, Map<String, List<String>> grants,
                          CallTypeSettings settings) implements Body {
    }

    /** {@code PUT /api/v2/video/calltypes/{name}}: what it names changes, the rest stays. */
    record UpdateCallType(Map<String, List<String>> grants, CallTypeSettings settings) implements Body {
    }

    record CallTypeSettings(Limits limits, SessionTimer sessionTimer, Backstage backstage) {
    }

    record Limits(Integer maxDurationSeconds, Integer maxParticipants) {
    }

    record SessionTimer(List<Integer> alertThresholdsSeconds, List<Integer> extensionStepsSeconds,
                        Integer idleTimeoutSeconds, Integer idlePromptSeconds, Integer emptyTimeoutSeconds) {
    }

    /** A waiting room: a call type's, or a call's own ({@code settings_override.backstage}). */
    record Backstage(Boolean enabled, Integer joinAheadTimeSeconds) {
    }

    /** {@code POST /api/v2/video/call/{type}/{id}}: gets or creates the call. */
    record GetOrCreateCall(@Valid CallData data,
                           @Min(value = 0, message = "must be between 0 and " + CallsApi.MAX_MEMBERS)
                           @Max(value = CallsApi.MAX_MEMBERS, message = "must be between 0 and " + CallsApi.MAX_MEMBERS)
                           Integer membersLimit) implements Body {
    }

    /** {@code starts_at}: an ISO-8601 date-time with an offset. */
    record CallData(@Valid List<Member> members, String createdById, @Valid CreatedBy createdBy, String startsAt,
                    CallOverride settingsOverride) {
    }

    record Member(@NotNull(message = REQUIRED) String userId) {
    }

    record CreatedBy(@NotNull(message = REQUIRED) String id) {
    }

    /** A call's own settings, beside its type's. */
    record CallOverride(CallLimits limits, Backstage backstage) {
    }

    record CallLimits(Integer maxDurationSeconds) {
    }

    /** {@code PATCH /api/v2/video/call/{type}/{id}}. */
    record UpdateCall(CallOverride settingsOverride) implements Body {
    }

    /** {@code POST …/go_live}: the SDK's options, accepted; CareClock records, streams and transcribes nothing. */
    record GoLive(Boolean startHls, Boolean startRecording, Boolean startTranscription, Boolean startClosedCaption,
                  String recordingStorageName, String transcriptionStorageName) implements Body {
    }

    /** {@code POST …/mark_ended}: takes no fields. */
    record MarkEnded() implements Body {
    }
}
