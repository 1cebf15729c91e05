package org.careclock.api;

import jakarta.validation.Valid;
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
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;

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
    ResponseEntity<Wire.CallResponse> getOrCreate(@AuthenticationPrincipal Actor actor, @PathVariable String type,
                                                  @PathVariable String id,
                                                  @Valid @RequestBody Requests.GetOrCreateCall request) {
        OptionalInt membersLimit = request.membersLimit() == null ? OptionalInt.empty()
                : OptionalInt.of(request.membersLimit());
        Requests.CallData data = request.data();
        List<String> members = new ArrayList<>();
        String createdBy = null;
        Instant startsAt = null;
        Integer override = null;
        Requests.Backstage backstageOverride = null;
        if (data != null) {
            List<Requests.Member> given = data.members() == null ? List.of() : data.members();
            for (int i = 0; i < given.size(); i++) {
                String user = given.get(i).userId();
                if (!users.exists(user)) {
                    String path = "data.members[" + i + "].user_id";
                    throw new InvalidInputException(path, path + " names the unknown user " + user
                            + "; create it first with POST /api/v2/users");
                }
                members.add(user);
            }
            createdBy = createdBy(data);
            startsAt = data.startsAt() == null ? null : instant("data.starts_at", data.startsAt());
            override = maxDuration(data.settingsOverride());
            backstageOverride = data.settingsOverride() == null ? null : data.settingsOverride().backstage();
        }
        CallService.Obtained obtained;
        try {
            obtained = calls.getOrCreate(actor, new NewCall(type, id, null, members, createdBy, startsAt, override));
        } catch (InvalidInputException e) {
            throw "max_duration_seconds".equals(e.field())
                    ? new InvalidInputException("data.settings_override.limits.max_duration_seconds", e.getMessage()) : e;
        }
        CallDetails call = obtained.call();
        if (obtained.created() && backstageOverride != null) {
            call = calls.changeBackstage(actor, call.cid(), CallTypesApi.backstage(backstageOverride, call.backstage()));
        }
        Wire.CallResponse response = response(actor, call, membersLimit, obtained.created());
        return ResponseEntity.status(obtained.created() ? HttpStatus.CREATED : HttpStatus.OK).body(response);
    }

    @GetMapping
    Wire.CallResponse get(@AuthenticationPrincipal Actor actor, @PathVariable String type, @PathVariable String id) {
        return response(actor, calls.getVisible(actor, type, id), OptionalInt.empty(), null);
    }

    @PatchMapping
    Wire.CallResponse update(@AuthenticationPrincipal Actor actor, @PathVariable String type, @PathVariable String id,
                             @Valid @RequestBody Requests.UpdateCall request) {
        Requests.CallOverride settings = request.settingsOverride();
        Integer seconds = maxDuration(settings);
        if (settings != null && settings.backstage() != null) {
            CallDetails call = calls.getVisible(actor, type, id);
            calls.changeBackstage(actor, call.cid(), CallTypesApi.backstage(settings.backstage(), call.backstage()));
        }
        if (seconds != null) {
            try {
                sessions.setMaxDuration(actor, type, id, seconds);
            } catch (InvalidInputException e) {
                throw "max_duration_seconds".equals(e.field())
                        ? new InvalidInputException("settings_override.limits.max_duration_seconds", e.getMessage()) : e;
            }
        }
        return get(actor, type, id);
    }

    /** Starts a call with a waiting room (the SDK's {@code call.goLive()}): its session and timer start now. */
    @PostMapping("/go_live")
    Wire.CallResponse goLive(@AuthenticationPrincipal Actor actor, @PathVariable String type, @PathVariable String id,
                             @Valid @RequestBody Requests.GoLive request) {
        return response(actor, backstage.goLive(actor, type, id), OptionalInt.empty(), null);
    }

    @PostMapping("/mark_ended")
    Wire.CallResponse markEnded(@AuthenticationPrincipal Actor actor, @PathVariable String type,
                                @PathVariable String id, @Valid @RequestBody Requests.MarkEnded request) {
        CallDetails closed = sessions.close(actor, type, id);
        return response(actor, closed, OptionalInt.empty(), null);
    }

    private String createdBy(Requests.CallData data) {
        String id = data.createdById();
        String other = data.createdBy() == null ? null : data.createdBy().id();
        if (id != null && other != null && !id.equals(other)) {
            throw new InvalidInputException("data.created_by_id",
                    "data.created_by_id and data.created_by.id name different users");
        }
        String user = id != null ? id : other;
        if (user != null && !users.exists(user)) {
            String path = id != null ? "data.created_by_id" : "data.created_by.id";
            throw new InvalidInputException(path, path + " names the unknown user " + user);
        }
        return user;
    }

    private static Integer maxDuration(Requests.CallOverride settings) {
        return settings == null || settings.limits() == null ? null : settings.limits().maxDurationSeconds();
    }

    private static Instant instant(String path, String text) {
        try {
            return OffsetDateTime.parse(text).toInstant();
        } catch (DateTimeParseException e) {
            throw new InvalidInputException(path, path + " must be an ISO-8601 date-time with an offset, "
                    + "such as 2026-03-02T09:00:00Z; was " + text);
        }
    }

    private Wire.CallResponse response(Actor actor, CallDetails call, OptionalInt membersLimit, Boolean created) {
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
        List<String> capabilities = sessions.capabilities(actor, call.type()).stream().sorted()
                .map(Capability::wireName).toList();
        return new Wire.CallResponse(wireCall, members, capabilities, created);
    }

    private Wire.User user(String id) {
        Optional<UserInfo> user = users.find(id);
        return new Wire.User(id, user.map(UserInfo::displayName).orElse(id), user.map(UserInfo::role).orElse(null));
    }
}
