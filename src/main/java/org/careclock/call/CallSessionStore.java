package org.careclock.call;

import org.careclock.base.NotFoundException;
import org.careclock.base.RefusedException;
import org.careclock.calltype.CallTypeService;
import org.careclock.calltype.CallTypeSettings;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import java.time.Instant;
import java.util.List;
import java.util.function.IntUnaryOperator;

/**
 * The persisted side of sessions, for the session timer service only (an architecture test
 * keeps it so): each method is one transaction on a locked row, so concurrent changes of one
 * call apply one after the other and an end happens once.
 */
@Component
@Transactional
public class CallSessionStore {

    private final CallRepository calls;
    private final CallTypeService types;

    CallSessionStore(CallRepository calls, CallTypeService types) {
        this.calls = calls;
        this.types = types;
    }

    /** A change of a running session's budget: the record before and after. */
    public record Change(SessionRecord before, SessionRecord after) {
    }

    @Transactional(readOnly = true)
    public SessionRecord get(String cid) {
        Call call = calls.findById(cid).orElseThrow(() -> new NotFoundException(CallService.NOT_FOUND));
        return call.toSession(typeMax(call));
    }

    /**
     * Starts a session if none runs (the first join, or — when allowed — a fresh one after the end), with the
     * effective budget: the given override, else the call's override, else the type's value.
     */
    public SessionRecord startIfNotRunning(String cid, Instant now, Integer joinOverride, boolean mayRestartEnded) {
        Call call = calls.findForUpdate(cid).orElseThrow(() -> new NotFoundException(CallService.NOT_FOUND));
        if (call.state() == CallState.ENDED && !mayRestartEnded) {
            throw new RefusedException("This appointment has ended and cannot be joined again");
        }
        if (call.state() != CallState.IN_PROGRESS) {
            int max = joinOverride != null ? joinOverride
                    : call.maxDurationOverride() != null ? call.maxDurationOverride() : typeMax(call);
            call.startSession(now, max);
        }
        return call.toSession(typeMax(call));
    }

    /**
     * Sets a running session's budget to what {@code newMax} computes from the current one,
     * under the row lock; {@code newMax} may refuse by throwing, and nothing is written then.
     */
    public Change changeMax(String cid, IntUnaryOperator newMax) {
        Call call = calls.findForUpdate(cid).orElseThrow(() -> new NotFoundException(CallService.NOT_FOUND));
        if (call.state() != CallState.IN_PROGRESS) {
            throw new RefusedException("The call has no running session");
        }
        SessionRecord before = call.toSession(typeMax(call));
        call.setSessionMax(newMax.applyAsInt(before.maxDurationSeconds()));
        calls.flush();
        return new Change(before, call.toSession(typeMax(call)));
    }

    /** Ends the session that started at {@code startedAt}; true for exactly one caller. */
    public boolean end(String cid, Instant startedAt, EndReason reason, Instant at) {
        return calls.endIfRunning(cid, startedAt, reason, at) == 1;
    }

    public void markEmpty(String cid, Instant since) {
        calls.findForUpdate(cid).filter(c -> c.state() == CallState.IN_PROGRESS).ifPresent(c -> c.setEmptySince(since));
    }

    @Transactional(readOnly = true)
    public List<SessionRecord> running() {
        return calls.findByState(CallState.IN_PROGRESS).stream().map(c -> c.toSession(typeMax(c))).toList();
    }

    /** The type's settings for a running session (limits, thresholds, idle). */
    @Transactional(readOnly = true)
    public CallTypeSettings typeOf(String cid) {
        return types.get(Cid.typeOf(cid));
    }

    private int typeMax(Call call) {
        return types.find(call.type()).map(CallTypeSettings::maxDurationSeconds).orElse(0);
    }
}
