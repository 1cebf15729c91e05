package org.careclock.api;

import org.careclock.base.ConflictException;
import org.careclock.base.InvalidInputException;
import org.careclock.calltype.CallTypeService;
import org.careclock.calltype.CallTypeSettings;
import org.careclock.calltype.Backstage;
import org.careclock.calltype.Capability;
import org.careclock.base.Actor;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
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

    private static final Set<String> CREATE_FIELDS = Set.of("name", "grants", "settings");
    private static final Set<String> UPDATE_FIELDS = Set.of("grants", "settings");
    private static final Set<String> SETTINGS_FIELDS = Set.of("limits", "session_timer", "backstage");
    static final Set<String> BACKSTAGE_FIELDS = Set.of("enabled", "join_ahead_time_seconds");
    private static final Set<String> LIMITS_FIELDS = Set.of("max_duration_seconds", "max_participants");
    private static final Set<String> TIMER_FIELDS = Set.of("alert_thresholds_seconds", "extension_steps_seconds",
            "idle_timeout_seconds", "idle_prompt_seconds", "empty_timeout_seconds");

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
    ResponseEntity<Wire.CallType> create(@RequestBody(required = false) byte[] body) {
        JsonBody request = JsonBody.parse(body).only(CREATE_FIELDS);
        String name = request.required("name").string();
        CallTypeSettings wanted = validate(read(CallTypeSettings.defaults(name, 0).withGrants(Map.of()), request));
        Optional<CallTypeSettings> existing = types.find(name);
        if (existing.isEmpty()) {
            try {
                return ResponseEntity.status(HttpStatus.CREATED).body(toWire(types.create(Actor.api(), wanted)));
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
    Wire.CallType update(@PathVariable String name, @RequestBody(required = false) byte[] body) {
        JsonBody request = JsonBody.parse(body).only(UPDATE_FIELDS);
        CallTypeSettings current = types.get(name);
        CallTypeSettings wanted = validate(read(current, request));
        return toWire(types.update(Actor.api(), wanted));
    }

    /** The settings {@code request} describes, on top of {@code base}. */
    private static CallTypeSettings read(CallTypeSettings base, JsonBody request) {
        Map<String, Set<Capability>> grants = new LinkedHashMap<>(base.grants());
        request.field("grants").ifPresent(g -> g.entries().forEach((role, list) -> {
            Set<Capability> caps = EnumSet.noneOf(Capability.class);
            for (JsonBody item : list.array()) {
                String wireName = item.string();
                caps.add(Capability.fromWireName(wireName).orElseThrow(() -> new InvalidInputException(item.path(),
                        item.path() + " names the unknown capability " + wireName + "; CareClock grants "
                                + Capability.grantable().stream().map(Capability::wireName)
                                .collect(Collectors.joining(", ")))));
            }
            grants.put(role, caps);
        }));
        int max = base.maxDurationSeconds();
        int participants = base.maxParticipants();
        List<Integer> alerts = base.alertThresholdsSeconds();
        List<Integer> steps = base.extensionStepsSeconds();
        int idleTimeout = base.idleTimeoutSeconds();
        int idlePrompt = base.idlePromptSeconds();
        int emptyTimeout = base.emptyTimeoutSeconds();
        Optional<JsonBody> settings = request.field("settings").map(s -> s.object().only(SETTINGS_FIELDS));
        Optional<JsonBody> limits = settings.flatMap(s -> s.field("limits")).map(l -> l.object().only(LIMITS_FIELDS));
        if (limits.isPresent()) {
            max = limits.get().field("max_duration_seconds").map(JsonBody::integer).orElse(max);
            participants = limits.get().field("max_participants").map(JsonBody::integer).orElse(participants);
        }
        Backstage backstage = settings.flatMap(s -> s.field("backstage"))
                .map(b -> backstage(b, base.backstage())).orElse(base.backstage());
        Optional<JsonBody> timer = settings.flatMap(s -> s.field("session_timer")).map(t -> t.object().only(TIMER_FIELDS));
        if (timer.isPresent()) {
            JsonBody t = timer.get();
            alerts = t.field("alert_thresholds_seconds").map(JsonBody::integers).orElse(alerts);
            steps = t.field("extension_steps_seconds").map(JsonBody::integers).orElse(steps);
            idleTimeout = t.field("idle_timeout_seconds").map(JsonBody::integer).orElse(idleTimeout);
            idlePrompt = t.field("idle_prompt_seconds").map(JsonBody::integer).orElse(idlePrompt);
            emptyTimeout = t.field("empty_timeout_seconds").map(JsonBody::integer).orElse(emptyTimeout);
        }
        return new CallTypeSettings(base.name(), max, grants, alerts, steps, idleTimeout, idlePrompt, emptyTimeout,
                participants, backstage);
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
    static Backstage backstage(JsonBody body, Backstage base) {
        JsonBody b = body.object().only(BACKSTAGE_FIELDS);
        return new Backstage(b.field("enabled").map(JsonBody::bool).orElse(base.enabled()),
                b.field("join_ahead_time_seconds").map(JsonBody::integer).orElse(base.joinAheadTimeSeconds()));
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
