package org.careclock.api;

import org.careclock.base.InvalidInputException;
import org.careclock.call.CallDetails;
import org.careclock.call.CallService;
import org.careclock.call.CallState;
import org.careclock.calltype.CallTypeService;
import org.careclock.calltype.CallTypeSettings;
import org.careclock.call.NewCall;
import org.careclock.calltype.Capability;
import org.careclock.base.Actor;
import org.careclock.session.BackstageService;
import org.careclock.session.SessionTimerService;
import org.careclock.user.UserInfo;
import org.careclock.user.UserService;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;

/**
 * Calls (appointments), driven through the same services as the pages:
 * <ul>
 * <li>{@code POST …/call/{type}/{id}} gets or creates the call (201 when created);
 * <li>{@code GET} answers it;
 * <li>{@code PATCH} with {@code settings_override.limits.max_duration_seconds} sets the budget: on
 *     a running session through the session timer service (atomic, pushed to every open page,
 *     audited), otherwise as the call's override for its next session;
 * <li>{@code POST …/mark_ended} ends it for everyone: a running session like the end-call button
 *     does, a call that never started is closed; an ended call is answered as it is.
 * </ul>
 */
@RestController
@RequestMapping("/api/v2/video/call/{type}/{id}")
class CallsApi {

    static final int MAX_MEMBERS = 100;
    private static final Set<String> GET_OR_CREATE_FIELDS = Set.of("data", "members_limit");
    private static final Set<String> DATA_FIELDS = Set.of("members", "created_by_id", "created_by", "starts_at",
            "settings_override");
    private static final Set<String> MEMBER_FIELDS = Set.of("user_id");
    private static final Set<String> UPDATE_FIELDS = Set.of("settings_override");
    private static final Set<String> OVERRIDE_FIELDS = Set.of("limits", "backstage");
    private static final Set<String> LIMITS_FIELDS = Set.of("max_duration_seconds");

    private final CallService calls;
    private final SessionTimerService sessions;
    private final UserService users;
    private final CallTypeService types;
    private final BackstageService backstage;

    CallsApi(CallService calls, SessionTimerService sessions, UserService users, CallTypeService types,
             BackstageService backstage) {
        this.calls = calls;
        this.sessions = sessions;
        this.users = users;
        this.types = types;
        this.backstage = backstage;
    }

    @PostMapping
    ResponseEntity<Wire.CallResponse> getOrCreate(@PathVariable String type, @PathVariable String id,
                                                  @RequestBody(required = false) byte[] body) {
        JsonBody request = JsonBody.parse(body).only(GET_OR_CREATE_FIELDS);
        OptionalInt membersLimit = membersLimit(request);
        Optional<JsonBody> data = request.field("data").map(d -> d.object().only(DATA_FIELDS));
        List<String> members = new ArrayList<>();
        String createdBy = null;
        Instant startsAt = null;
        Integer override = null;
        Optional<JsonBody> backstageOverride = Optional.empty();
        if (data.isPresent()) {
            JsonBody d = data.get();
            for (JsonBody member : d.field("members").map(JsonBody::array).orElse(List.of())) {
                JsonBody userId = member.object().only(MEMBER_FIELDS).required("user_id");
                String user = userId.string();
                if (!users.exists(user)) {
                    throw new InvalidInputException(userId.path(), userId.path() + " names the unknown user " + user
                            + "; create it first with POST /api/v2/users");
                }
                members.add(user);
            }
            createdBy = createdBy(d);
            startsAt = d.field("starts_at").map(JsonBody::instant).orElse(null);
            override = d.field("settings_override").flatMap(CallsApi::maxDuration).orElse(null);
            backstageOverride = d.field("settings_override").flatMap(CallsApi::backstageOf);
        }
        CallService.Obtained obtained;
        try {
            obtained = calls.getOrCreate(Actor.api(), new NewCall(type, id, null, members, createdBy, startsAt, override));
        } catch (InvalidInputException e) {
            throw "max_duration_seconds".equals(e.field())
                    ? new InvalidInputException("data.settings_override.limits.max_duration_seconds", e.getMessage()) : e;
        }
        CallDetails call = obtained.call();
        if (obtained.created() && backstageOverride.isPresent()) {
            call = calls.changeBackstage(Actor.api(), call.cid(),
                    CallTypesApi.backstage(backstageOverride.get(), call.backstage()));
        }
        Wire.CallResponse response = response(call, membersLimit, obtained.created());
        return ResponseEntity.status(obtained.created() ? HttpStatus.CREATED : HttpStatus.OK).body(response);
    }

    @GetMapping
    Wire.CallResponse get(@PathVariable String type, @PathVariable String id) {
        return response(calls.getVisible(Actor.api(), type, id), OptionalInt.empty(), null);
    }

    @PatchMapping
    Wire.CallResponse update(@PathVariable String type, @PathVariable String id,
                             @RequestBody(required = false) byte[] body) {
        JsonBody request = JsonBody.parse(body).only(UPDATE_FIELDS);
        Optional<Integer> seconds = request.field("settings_override").flatMap(CallsApi::maxDuration);
        Optional<JsonBody> backstageOverride = request.field("settings_override").flatMap(CallsApi::backstageOf);
        if (backstageOverride.isPresent()) {
            CallDetails call = calls.getVisible(Actor.api(), type, id);
            calls.changeBackstage(Actor.api(), call.cid(), CallTypesApi.backstage(backstageOverride.get(), call.backstage()));
        }
        if (seconds.isPresent()) {
            try {
                sessions.setMaxDuration(Actor.api(), type, id, seconds.get());
            } catch (InvalidInputException e) {
                throw "max_duration_seconds".equals(e.field())
                        ? new InvalidInputException("settings_override.limits.max_duration_seconds", e.getMessage()) : e;
            }
        }
        return get(type, id);
    }

    /** Starts a call with a waiting room (the SDK's {@code call.goLive()}): its session and timer start now. */
    @PostMapping("/go_live")
    Wire.CallResponse goLive(@PathVariable String type, @PathVariable String id,
                             @RequestBody(required = false) byte[] body) {
        JsonBody.parse(body).only(Set.of("start_hls", "start_recording", "start_transcription", "start_closed_caption",
                "recording_storage_name", "transcription_storage_name"));
        return response(backstage.goLive(Actor.api(), type, id), OptionalInt.empty(), null);
    }

    @PostMapping("/mark_ended")
    Wire.CallResponse markEnded(@PathVariable String type, @PathVariable String id,
                                @RequestBody(required = false) byte[] body) {
        JsonBody.parse(body).only(Set.of());
        CallDetails closed = sessions.close(Actor.api(), type, id);
        return response(closed, OptionalInt.empty(), null);
    }

    private static OptionalInt membersLimit(JsonBody request) {
        Optional<JsonBody> limit = request.field("members_limit");
        if (limit.isEmpty()) {
            return OptionalInt.empty();
        }
        int value = limit.get().integer();
        if (value < 0 || value > MAX_MEMBERS) {
            throw new InvalidInputException("members_limit", "members_limit must be between 0 and " + MAX_MEMBERS);
        }
        return OptionalInt.of(value);
    }

    private String createdBy(JsonBody data) {
        Optional<JsonBody> byId = data.field("created_by_id");
        Optional<JsonBody> byObject = data.field("created_by").map(o -> o.object().only(Set.of("id")).required("id"));
        String id = byId.map(JsonBody::string).orElse(null);
        String other = byObject.map(JsonBody::string).orElse(null);
        if (id != null && other != null && !id.equals(other)) {
            throw new InvalidInputException("data.created_by_id",
                    "data.created_by_id and data.created_by.id name different users");
        }
        String user = id != null ? id : other;
        if (user != null && !users.exists(user)) {
            String path = id != null ? byId.get().path() : byObject.get().path();
            throw new InvalidInputException(path, path + " names the unknown user " + user);
        }
        return user;
    }

    private static Optional<JsonBody> backstageOf(JsonBody settingsOverride) {
        return settingsOverride.object().only(OVERRIDE_FIELDS).field("backstage");
    }

    private static Optional<Integer> maxDuration(JsonBody settingsOverride) {
        return settingsOverride.object().only(OVERRIDE_FIELDS).field("limits")
                .map(l -> l.object().only(LIMITS_FIELDS))
                .flatMap(l -> l.field("max_duration_seconds"))
                .map(JsonBody::integer);
    }

    private Wire.CallResponse response(CallDetails call, OptionalInt membersLimit, Boolean created) {
        var session = call.session();
        Wire.Session wireSession = null;
        if (session.startedAt() != null) {
            List<Wire.Participant> present = sessions.present(call.cid()).stream()
                    .map(p -> new Wire.Participant(p.userId(), user(p.userId()))).toList();
            wireSession = new Wire.Session(session.startedAt(), session.timerEndsAt(), call.endedAt(), present);
        }
        Wire.Call wireCall = new Wire.Call(call.cid(), call.type(), call.id(), call.title(),
                call.createdBy() == null ? null : user(call.createdBy()), call.createdAt(), call.scheduledStart(),
                new Wire.CallSettings(new Wire.Limits(session.maxDurationSeconds(),
                        types.find(call.type()).map(CallTypeSettings::maxParticipants)
                                .orElse(CallTypeSettings.DEFAULT_MAX_PARTICIPANTS)),
                        CallTypesApi.toWire(call.backstage())),
                wireSession, call.endedAt(), call.state().name(),
                call.endReason() == null ? null : call.endReason().name(),
                call.backstage().enabled() && call.state() == CallState.SCHEDULED);
        List<Wire.Member> members = call.members().stream()
                .limit(membersLimit.isPresent() ? membersLimit.getAsInt() : Long.MAX_VALUE)
                .map(m -> {
                    Wire.User user = user(m);
                    return new Wire.Member(m, user, user.role());
                }).toList();
        List<String> capabilities = sessions.capabilities(Actor.api(), call.type()).stream().sorted()
                .map(Capability::wireName).toList();
        return new Wire.CallResponse(wireCall, members, capabilities, created);
    }

    private Wire.User user(String id) {
        Optional<UserInfo> user = users.find(id);
        return new Wire.User(id, user.map(UserInfo::displayName).orElse(id), user.map(UserInfo::role).orElse(null));
    }
}
