package org.careclock.calltype;

import org.careclock.base.Actor;
import org.careclock.base.ConflictException;
import org.careclock.base.InputValidator;
import org.careclock.base.InvalidInputException;
import org.careclock.base.NotFoundException;
import org.careclock.user.RoleService;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Call types: limits, grants per role and session-timer settings. Editing a type affects calls
 * that have not started yet; a running session keeps the deadline it has.
 */
@Service
@Transactional(readOnly = true)
public class CallTypeService {

    private static final String ADMINS_ONLY = "Only administrators may change call types";

    private final CallTypeRepository types;
    private final RoleService roles;
    private final InputValidator inputs;

    CallTypeService(CallTypeRepository types, RoleService roles, InputValidator inputs) {
        this.types = types;
        this.roles = roles;
        this.inputs = inputs;
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

    /**
     * Checks every rule of a call type and answers it in canonical form: the constraints on
     * {@link CallTypeSettings}, then that every role it grants to exists.
     */
    public CallTypeSettings validate(CallTypeSettings s) {
        inputs.check(s);
        for (String role : s.grants().keySet()) {
            if (!roles.exists(role)) {
                throw new InvalidInputException("grants", "grants name the unknown role " + role);
            }
        }
        return s.canonical();
    }

    private CallType existing(String name) {
        return (name == null ? Optional.<CallType>empty() : types.findById(name))
                .orElseThrow(() -> new NotFoundException("Call type " + name + " does not exist"));
    }

}
