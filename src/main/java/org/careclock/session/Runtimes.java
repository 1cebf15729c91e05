package org.careclock.session;

import org.springframework.stereotype.Component;

import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * The running sessions of this node, one {@link CallRuntime} per call. A runtime is created
 * per call without any global lock: the new runtime is locked before it is published, then
 * loaded from the database, so whoever finds it meanwhile waits on its lock and never sees it
 * half made; if loading fails it is discarded and they try again.
 */
@Component
class Runtimes {

    private final Map<String, CallRuntime> byCid = new ConcurrentHashMap<>();

    Optional<CallRuntime> find(String cid) {
        return Optional.ofNullable(byCid.get(cid));
    }

    int size() {
        return byCid.size();
    }

    /**
     * Runs {@code action} under the lock of the call's runtime, creating and loading the
     * runtime with {@code loader} (under its lock) when the call has none. The action sees a
     * runtime that is RUNNING or ENDED, never one that is loading or discarded.
     */
    <T> T locked(String cid, Consumer<CallRuntime> loader, Function<CallRuntime, T> action) {
        while (true) {
            CallRuntime rt = byCid.get(cid);
            if (rt == null) {
                CallRuntime fresh = new CallRuntime(cid);
                fresh.lock.lock();
                try {
                    if (byCid.putIfAbsent(cid, fresh) != null) {
                        continue;
                    }
                    try {
                        loader.accept(fresh);
                    } catch (RuntimeException e) {
                        fresh.phase = CallRuntime.Phase.DISCARDED;
                        byCid.remove(cid, fresh);
                        throw e;
                    }
                    return action.apply(fresh);
                } finally {
                    fresh.lock.unlock();
                }
            }
            rt.lock.lock();
            try {
                if (rt.phase == CallRuntime.Phase.DISCARDED) {
                    continue;
                }
                return action.apply(rt);
            } finally {
                rt.lock.unlock();
            }
        }
    }

    /** Runs {@code action} under the lock of the call's existing runtime; empty when there is none. */
    <T> Optional<T> ifPresent(String cid, Function<CallRuntime, T> action) {
        CallRuntime rt = byCid.get(cid);
        if (rt == null) {
            return Optional.empty();
        }
        rt.lock.lock();
        try {
            return rt.phase == CallRuntime.Phase.DISCARDED || rt.phase == CallRuntime.Phase.LOADING
                    ? Optional.empty() : Optional.ofNullable(action.apply(rt));
        } finally {
            rt.lock.unlock();
        }
    }

    /** Forgets an ended runtime (caller holds its lock). */
    void remove(CallRuntime rt) {
        byCid.remove(rt.cid, rt);
    }
}
