package org.careclock.call;

import org.careclock.base.Actor;
import org.careclock.base.ConflictException;
import org.careclock.base.InputValidator;
import org.careclock.base.InvalidInputException;
import org.careclock.base.NotFoundException;
import org.careclock.base.RefusedException;
import org.careclock.calltype.Backstage;
import org.careclock.calltype.Capability;
import org.careclock.calltype.CallTypeService;
import org.careclock.calltype.CallTypeSettings;
import org.careclock.user.UserService;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.time.Clock;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;

/**
 * Calls (appointments): who meets, when, of which type. Members see their own calls; users
 * whose role holds {@code read-call} in the type see the type's calls; anyone else is told
 * "not found". Sessions (start, deadline, end) are driven by the session timer service.
 */
@Service
@Transactional(readOnly = true)
public class CallService {

    private static final String ADMINS_ONLY = "Only administrators may manage appointments";

    public static final String NOT_FOUND = "Appointment not found";

    private final CallRepository calls;
    private final CallTypeService types;
    private final UserService users;
    private final InputValidator inputs;
    private final Clock clock;

    CallService(CallRepository calls, CallTypeService types, UserService users, InputValidator inputs, Clock clock) {
        this.calls = calls;
        this.types = types;
        this.users = users;
        this.inputs = inputs;
        this.clock = clock;
    }

    /** The result of get-or-create: the call, and whether this request made it. */
    public record Obtained(CallDetails call, boolean created) {
    }

    /** The result of {@link #endIfNotStarted}: the call, and whether this request ended it. */
    public record Closed(CallDetails call, boolean ended) {
    }

    /** The caller's own appointments (those they are a member of), soonest first. */
    public List<CallDetails> listMine(Actor actor) {
        if (actor.userId() == null) {
            return List.of();
        }
        return calls.findByMember(actor.userId()).stream().map(this::details)
                .sorted(byStart()).toList();
    }

    /** Every appointment, for administrators. */
    public List<CallDetails> listAll(Actor actor) {
        Actor.requireAdmin(actor, ADMINS_ONLY);
        return calls.findAll().stream().map(this::details).sorted(byStart()).toList();
    }

    public Optional<CallDetails> findVisible(Actor actor, String type, String id) {
        return calls.findById(Cid.of(type, id)).filter(c -> canSee(actor, c)).map(this::details);
    }

    /** The call if the caller may see it; otherwise "not found", whether it exists or not. */
    public CallDetails getVisible(Actor actor, String type, String id) {
        return findVisible(actor, type, id).orElseThrow(() -> new NotFoundException(NOT_FOUND));
    }

    @Transactional
    public CallDetails create(Actor actor, NewCall request) {
        Obtained obtained = getOrCreate(actor, request);
        if (!obtained.created()) {
            throw new ConflictException("An appointment " + obtained.call().cid() + " already exists");
        }
        return obtained.call();
    }

    /** Answers the existing call unchanged, or creates it. */
    @Transactional
    public Obtained getOrCreate(Actor actor, NewCall request) {
        inputs.check(request);
        CallTypeSettings type = types.find(request.type())
                .orElseThrow(() -> new NotFoundException("Call type " + request.type() + " does not exist"));
        if (!actor.isAdmin() && !type.capabilitiesOf(actor).contains(Capability.CREATE_CALL)) {
            throw new RefusedException("Your role may not create calls of type " + type.name());
        }
        Optional<Call> existing = calls.findById(Cid.of(request.type(), request.id()));
        if (existing.isPresent()) {
            if (!canSee(actor, existing.get())) {
                throw new ConflictException("An appointment " + existing.get().cid() + " already exists");
            }
            return new Obtained(details(existing.get()), false);
        }
        String createdBy = request.createdBy() != null ? request.createdBy() : actor.userId();
        if (createdBy != null && !users.exists(createdBy)) {
            throw new InvalidInputException("created_by_id", "User " + createdBy + " does not exist");
        }
        Call call = new Call(request.type(), request.id(), createdBy, clock.instant());
        apply(call, request);
        return new Obtained(details(calls.save(call)), true);
    }

    /** Changes what an administrator may change before or between sessions. */
    @Transactional
    public CallDetails update(Actor actor, String cid, NewCall changes) {
        Actor.requireAdmin(actor, ADMINS_ONLY);
        Call call = calls.findForUpdate(cid).orElseThrow(() -> new NotFoundException(NOT_FOUND));
        inputs.check(changes);
        if (call.state() == CallState.IN_PROGRESS
                && !java.util.Objects.equals(changes.maxDurationSeconds(), call.maxDurationOverride())) {
            throw new RefusedException("The session is running; extend it from the call page instead");
        }
        apply(call, changes);
        return details(call);
    }

    /**
     * Sets the duration override of a call whose session is not running (the next session's
     * budget). Needs an administrator or {@code change-max-duration} in the call's type.
     */
    @Transactional
    public CallDetails changeOverride(Actor actor, String cid, Integer seconds) {
        Call call = calls.findForUpdate(cid).filter(c -> canSee(actor, c))
                .orElseThrow(() -> new NotFoundException(NOT_FOUND));
        if (!actor.isAdmin() && !types.capabilitiesOf(call.type(), actor).contains(Capability.CHANGE_MAX_DURATION)) {
            throw new RefusedException("Your role may not change the call's duration");
        }
        if (call.state() == CallState.IN_PROGRESS) {
            throw new RefusedException("The session is running; change its duration through the session instead");
        }
        inputs.checkValue(NewCall.class, "maxDurationSeconds", seconds);
        call.setMaxDurationOverride(seconds);
        return details(call);
    }

    /**
     * Gives the call a waiting room of its own (Stream's {@code settings_override.backstage}), or
     * back its type's with null. Needs update-call-settings; a call that is live keeps running.
     */
    @Transactional
    public CallDetails changeBackstage(Actor actor, String cid, Backstage backstage) {
        Call call = calls.findForUpdate(cid).filter(c -> canSee(actor, c))
                .orElseThrow(() -> new NotFoundException(NOT_FOUND));
        if (!actor.isAdmin() && !types.capabilitiesOf(call.type(), actor).contains(Capability.UPDATE_CALL_SETTINGS)) {
            throw new RefusedException("Your role may not change the call's settings");
        }
        if (backstage != null) {
            inputs.check(backstage);
        }
        call.setBackstageOverride(backstage);
        return details(call);
    }

    /**
     * Ends an appointment whose session never started: {@code SCHEDULED → ENDED} now, with
     * {@link EndReason#ENDED_BY_USER}, under the row lock (a join at the same moment either
     * starts the session first or finds the call ended). Needs an administrator or
     * {@code end-call} in the call's type. Answers the call and whether this request ended it:
     * an ended call is answered unchanged, and a running session is left alone — end that
     * through the session timer service, which tells the open pages.
     */
    @Transactional
    public Closed endIfNotStarted(Actor actor, String type, String id) {
        Call call = calls.findForUpdate(Cid.of(type, id)).filter(c -> canSee(actor, c))
                .orElseThrow(() -> new NotFoundException(NOT_FOUND));
        if (!actor.isAdmin() && !types.capabilitiesOf(call.type(), actor).contains(Capability.END_CALL)) {
            throw new RefusedException("Your role may not end calls of this type");
        }
        if (call.state() != CallState.SCHEDULED) {
            return new Closed(details(call), false);
        }
        // Stored with microsecond precision; answer what a later read will see.
        call.end(EndReason.ENDED_BY_USER, clock.instant().truncatedTo(java.time.temporal.ChronoUnit.MICROS));
        calls.flush();
        return new Closed(details(call), true);
    }

    @Transactional
    public void delete(Actor actor, String cid) {
        Actor.requireAdmin(actor, ADMINS_ONLY);
        Call call = calls.findForUpdate(cid).orElseThrow(() -> new NotFoundException(NOT_FOUND));
        if (call.state() == CallState.IN_PROGRESS) {
            throw new ConflictException("The appointment is in progress and cannot be deleted");
        }
        calls.delete(call);
    }

    /** Writes what {@code request} describes, checked against its constraints already, once its members exist. */
    private void apply(Call call, NewCall request) {
        LinkedHashSet<String> unique = new LinkedHashSet<>();
        for (String member : request.members()) {
            if (!users.exists(member)) {
                throw new InvalidInputException("members", "User " + member + " does not exist");
            }
            unique.add(member);
        }
        call.describe(request.title(), request.scheduledStart());
        call.setMembers(List.copyOf(unique));
        call.setMaxDurationOverride(request.maxDurationSeconds());
    }

    private boolean canSee(Actor actor, Call call) {
        if (actor.server()) {
            return true;
        }
        if (actor.userId() != null && call.members().contains(actor.userId())) {
            return true;
        }
        return types.find(call.type()).map(t -> t.capabilitiesOf(actor).contains(Capability.READ_CALL)).orElse(false);
    }

    private CallDetails details(Call call) {
        Optional<CallTypeSettings> type = types.find(call.type());
        return call.toDetails(type.map(CallTypeSettings::maxDurationSeconds).orElse(0),
                type.map(CallTypeSettings::backstage).orElse(Backstage.OFF));
    }

    private static Comparator<CallDetails> byStart() {
        return Comparator.comparing((CallDetails c) -> c.scheduledStart() != null ? c.scheduledStart() : c.createdAt())
                .thenComparing(CallDetails::cid);
    }

}
