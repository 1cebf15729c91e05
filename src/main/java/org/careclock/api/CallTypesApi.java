package org.careclock.api;

import jakarta.validation.Valid;
import org.careclock.base.ConflictException;
import org.careclock.base.InvalidInputException;
import org.careclock.calltype.CallTypeService;
import org.careclock.calltype.CallTypeSettings;
import org.careclock.calltype.Backstage;
import org.careclock.calltype.Capability;
import org.careclock.base.Actor;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * Call types. {@code POST} creates one; posting a type that exists with the same settings
 * answers it (200), with other settings it is a conflict (409: change it with {@code PUT}).
 * {@code PUT} changes what the body names: each role listed under {@code grants} gets exactly
 * the capabilities listed (an empty list removes the role's grants), and each setting given
 * replaces the stored one; everything else stays.
 */
@RestController
@RequestMapping("/api/v2/video/calltypes")
class CallTypesApi {

    /** The service's field names and where they are on the wire. */
    private static final Map<String, String> WIRE_FIELDS = Map.of(
            "max_duration_seconds", "settings.limits.max_duration_seconds",
            "max_participants", "settings.limits.max_participants",
            "backstage", "settings.backstage.join_ahead_time_seconds",
            "alert_thresholds_seconds", "settings.session_timer.alert_thresholds_seconds",
            "extension_steps_seconds", "settings.session_timer.extension_steps_seconds",
            "idle_timeout_seconds", "settings.session_timer.idle_timeout_seconds",
            "idle_prompt_seconds", "settings.session_timer.idle_prompt_seconds",
            "empty_timeout_seconds", "settings.session_timer.empty_timeout_seconds");

    private final CallTypeService types;

    CallTypesApi(CallTypeService types) {
        this.types = types;
    }

    @PostMapping
    ResponseEntity<Wire.CallType> create(@AuthenticationPrincipal Actor actor,
                                         @Valid @RequestBody Requests.CreateCallType request) {
        String name = request.name();
        CallTypeSettings wanted = validate(read(CallTypeSettings.defaults(name, 0).withGrants(Map.of()),
                request.grants(), request.settings()));
        Optional<CallTypeSettings> existing = types.find(name);
        if (existing.isEmpty()) {
            try {
                return ResponseEntity.status(HttpStatus.CREATED).body(toWire(types.create(actor, wanted)));
            } catch (ConflictException e) {
                existing = types.find(name); // created at the same moment by another request
            }
        }
        CallTypeSettings stored = existing.orElseThrow();
        if (!stored.equals(wanted)) {
            throw new ConflictException("Call type " + name + " already exists with other settings; "
                    + "change it with PUT /api/v2/video/calltypes/" + name);
        }
        return ResponseEntity.ok(toWire(stored));
    }

    @GetMapping("/{name}")
    Wire.CallType get(@PathVariable String name) {
        return toWire(types.get(name));
    }

    @PutMapping("/{name}")
    Wire.CallType update(@AuthenticationPrincipal Actor actor, @PathVariable String name,
                         @Valid @RequestBody Requests.UpdateCallType request) {
        CallTypeSettings current = types.get(name);
        CallTypeSettings wanted = validate(read(current, request.grants(), request.settings()));
        return toWire(types.update(actor, wanted));
    }

    /** The settings a request names, on top of {@code base}. */
    private static CallTypeSettings read(CallTypeSettings base, Map<String, List<String>> grants,
                                         Requests.CallTypeSettings settings) {
        Map<String, Set<Capability>> granted = new LinkedHashMap<>(base.grants());
        if (grants != null) {
            grants.forEach((role, list) -> {
                Set<Capability> caps = EnumSet.noneOf(Capability.class);
                for (int i = 0; i < list.size(); i++) {
                    String wireName = list.get(i);
                    String path = "grants." + role + "[" + i + "]";
                    caps.add(Capability.fromWireName(wireName).orElseThrow(() -> new InvalidInputException(path,
                            path + " names the unknown capability " + wireName + "; CareClock grants "
                                    + Capability.grantable().stream().map(Capability::wireName)
                                    .collect(Collectors.joining(", ")))));
                }
                granted.put(role, caps);
            });
        }
        Requests.Limits limits = settings == null ? null : settings.limits();
        Requests.SessionTimer timer = settings == null ? null : settings.sessionTimer();
        Backstage backstage = settings == null || settings.backstage() == null ? base.backstage()
                : backstage(settings.backstage(), base.backstage());
        return new CallTypeSettings(base.name(),
                or(limits == null ? null : limits.maxDurationSeconds(), base.maxDurationSeconds()),
                granted,
                or(timer == null ? null : timer.alertThresholdsSeconds(), base.alertThresholdsSeconds()),
                or(timer == null ? null : timer.extensionStepsSeconds(), base.extensionStepsSeconds()),
                or(timer == null ? null : timer.idleTimeoutSeconds(), base.idleTimeoutSeconds()),
                or(timer == null ? null : timer.idlePromptSeconds(), base.idlePromptSeconds()),
                or(timer == null ? null : timer.emptyTimeoutSeconds(), base.emptyTimeoutSeconds()),
                or(limits == null ? null : limits.maxParticipants(), base.maxParticipants()),
                backstage);
    }

    /** {@code given}, or {@code kept} when the request leaves it out. */
    static <T> T or(T given, T kept) {
        return given != null ? given : kept;
    }

    private CallTypeSettings validate(CallTypeSettings settings) {
        try {
            return types.validate(settings);
        } catch (InvalidInputException e) {
            String wire = WIRE_FIELDS.get(e.field());
            throw wire == null ? e : new InvalidInputException(wire, e.getMessage());
        }
    }

    /** {@code settings.backstage} (or a call's {@code settings_override.backstage}) on top of {@code base}. */
    static Backstage backstage(Requests.Backstage given, Backstage base) {
        return new Backstage(or(given.enabled(), base.enabled()),
                or(given.joinAheadTimeSeconds(), base.joinAheadTimeSeconds()));
    }

    static Wire.Backstage toWire(Backstage b) {
        return new Wire.Backstage(b.enabled(), b.joinAheadTimeSeconds());
    }

    static Wire.CallType toWire(CallTypeSettings s) {
        Map<String, List<String>> grants = new TreeMap<>();
        s.grants().forEach((role, caps) -> grants.put(role, caps.stream().sorted()
                .map(Capability::wireName).toList()));
        return new Wire.CallType(s.name(), grants, new Wire.CallTypeSettings(
                new Wire.Limits(s.maxDurationSeconds(), s.maxParticipants()),
                new Wire.SessionTimer(s.alertThresholdsSeconds(), s.extensionStepsSeconds(), s.idleTimeoutSeconds(),
                        s.idlePromptSeconds(), s.emptyTimeoutSeconds()), toWire(s.backstage())));
    }
}
