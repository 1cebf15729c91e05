package org.careclock.bench;

import org.careclock.session.SessionTimerService;

import java.lang.reflect.Field;
import java.util.Map;

/** Reads the timer service's in-memory state (runtimes, their open pages, remembered names), for leak checks. */
final class RuntimeProbe {

    private final Map<?, ?> runtimes;
    private final Map<?, ?> names;

    RuntimeProbe(SessionTimerService timers) {
        try {
            runtimes = (Map<?, ?>) field(SessionTimerService.class, "runtimes").get(timers);
            names = (Map<?, ?>) field(SessionTimerService.class, "names").get(timers);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException(e);
        }
    }

    int runtimes() {
        return runtimes.size();
    }

    int names() {
        return names.size();
    }

    /** Open pages over all runtimes (each runtime's page map, read without its lock: a probe, not a decision). */
    int pages() {
        int sum = 0;
        for (Object rt : runtimes.values()) {
            try {
                sum += ((Map<?, ?>) field(rt.getClass(), "pages").get(rt)).size();
            } catch (ReflectiveOperationException e) {
                throw new IllegalStateException(e);
            }
        }
        return sum;
    }

    private static Field field(Class<?> type, String name) throws NoSuchFieldException {
        Field f = type.getDeclaredField(name);
        f.setAccessible(true);
        return f;
    }
}
