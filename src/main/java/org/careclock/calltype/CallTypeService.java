package org.careclock.calltype;

import org.careclock.base.ConflictException;
import org.careclock.base.InvalidInputException;
import org.careclock.base.NotFoundException;
import org.careclock.base.Validation;
import org.careclock.base.Actor;
import org.careclock.user.RoleService;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Call types: limits, grants per role and session-timer settings. Editing a type affects calls
 * that have not started yet; a running session keeps the deadline it has.
 */
@Service
@Transactional(readOnly = true)
public class CallTypeService {

    private static final String ADMINS_ONLY = "Only administrators may change call types";

    public static final Pattern NAME = Pattern.compile("^[a-z0-9_-]{1,64}$");
    public static final int NAME_MAX = 64;

    private final CallTypeRepository types;
    private final RoleService roles;

    CallTypeService(CallTypeRepository types, RoleService roles) {
        this.types = types;
        this.roles = roles;
    }

    public List<CallTypeSettings> list() {
        return types.findAll().stream().map(CallType::toSettings)
                .sorted(Comparator.comparing(CallTypeSettings::name)).toList();
    }

    public Optional<CallTypeSettings> find(String name) {
        return name == null ? Optional.empty() : types.findById(name).map(CallType::toSettings);
    }

    public CallTypeSettings get(String name) {
        return find(name).orElseThrow(() -> new NotFoundException("Call type " + name + " does not exist"));
    }

    /** The capabilities a role holds in calls of a type, with the derived ones. */
    public Set<Capability> capabilitiesOf(String typeName, String role) {
        return get(typeName).capabilitiesOf(role);
    }

    /**
     * What {@code actor} may do in calls of a type: their role's capabilities, with the derived
     * ones; the API's server identity may do everything ({@link CallTypeSettings#capabilitiesOf(Actor)}).
     */
    public Set<Capability> capabilitiesOf(String typeName, Actor actor) {
        return get(typeName).capabilitiesOf(actor);
    }

    @Transactional
    public CallTypeSettings create(Actor actor, CallTypeSettings settings) {
        Actor.requireAdmin(actor, ADMINS_ONLY);
        CallTypeSettings clean = validate(settings);
        if (types.existsById(clean.name())) {
            throw new ConflictException("Call type " + clean.name() + " already exists");
        }
        CallType type = new CallType(clean.name());
        type.apply(clean);
        return types.save(type).toSettings();
    }

    @Transactional
    public CallTypeSettings update(Actor actor, CallTypeSettings settings) {
        Actor.requireAdmin(actor, ADMINS_ONLY);
        CallType type = existing(settings.name());
        type.apply(validate(settings));
        return types.saveAndFlush(type).toSettings();
    }

    @Transactional
    public void delete(Actor actor, String name) {
        Actor.requireAdmin(actor, ADMINS_ONLY);
        CallType type = existing(name);
        long inUse = types.countCallsOfType(name);
        if (inUse > 0) {
            throw new ConflictException("Call type " + name + " is used by " + inUse
                    + (inUse == 1 ? " appointment" : " appointments") + " and cannot be deleted");
        }
        types.delete(type);
    }

    /** Checks every rule of a call type and answers it in canonical form. */
    public CallTypeSettings validate(CallTypeSettings s) {
        Validation.requireMatch("name", s.name(), NAME, "may hold only a-z, 0-9, '_' or '-' (1 to 64 characters)");
        Validation.requireRange("max_duration_seconds", s.maxDurationSeconds(), 0, CallTypeSettings.MAX_SECONDS);
        Validation.requireRange("idle_timeout_seconds", s.idleTimeoutSeconds(), 0, CallTypeSettings.MAX_SECONDS);
        if (s.idleTimeoutSeconds() > 0) {
            Validation.requireRange("idle_prompt_seconds", s.idlePromptSeconds(), 1, CallTypeSettings.MAX_SECONDS);
            if (s.idlePromptSeconds() >= s.idleTimeoutSeconds()) {
                throw new InvalidInputException("idle_prompt_seconds",
                        "idle_prompt_seconds must be less than idle_timeout_seconds (" + s.idleTimeoutSeconds() + ")");
            }
        } else {
            Validation.requireRange("idle_prompt_seconds", s.idlePromptSeconds(), 0, CallTypeSettings.MAX_SECONDS);
        }
        Validation.requireRange("empty_timeout_seconds", s.emptyTimeoutSeconds(), 1, CallTypeSettings.MAX_SECONDS);
        List<Integer> thresholds = distinctInRange("alert_thresholds_seconds", s.alertThresholdsSeconds());
        thresholds.sort(Comparator.reverseOrder());
        List<Integer> steps = distinctInRange("extension_steps_seconds", s.extensionStepsSeconds());
        steps.sort(Comparator.naturalOrder());
        Map<String, Set<Capability>> grants = new LinkedHashMap<>();
        s.grants().forEach((role, caps) -> {
            if (!roles.exists(role)) {
                throw new InvalidInputException("grants", "grants name the unknown role " + role);
            }
            for (Capability c : caps) {
                if (c.derived()) {
                    throw new InvalidInputException("grants",
                            c.wireName() + " cannot be granted; it follows from " + c.derivedFrom());
                }
            }
            if (!caps.isEmpty()) {
                grants.put(role, EnumSet.copyOf(caps));
            }
        });
        return new CallTypeSettings(s.name(), s.maxDurationSeconds(), grants, thresholds, steps,
                s.idleTimeoutSeconds(), s.idlePromptSeconds(),
                s.emptyTimeoutSeconds());
    }

    private static List<Integer> distinctInRange(String field, List<Integer> values) {
        List<Integer> out = new ArrayList<>();
        Set<Integer> seen = new HashSet<>();
        for (Integer v : values) {
            if (v == null || v < 1 || v > CallTypeSettings.MAX_SECONDS) {
                throw new InvalidInputException(field, field + " values must be between 1 and "
                        + CallTypeSettings.MAX_SECONDS + ", was " + v);
            }
            if (!seen.add(v)) {
                throw new InvalidInputException(field, field + " lists " + v + " twice");
            }
            out.add(v);
        }
        return out;
    }

    private CallType existing(String name) {
        return (name == null ? Optional.<CallType>empty() : types.findById(name))
                .orElseThrow(() -> new NotFoundException("Call type " + name + " does not exist"));
    }

}
