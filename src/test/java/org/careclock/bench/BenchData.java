package org.careclock.bench;

import org.careclock.call.CallService;
import org.careclock.call.NewCall;
import org.careclock.calltype.Capability;
import org.careclock.calltype.CallTypeService;
import org.careclock.calltype.CallTypeSettings;
import org.careclock.base.Actor;
import org.careclock.base.Roles;

import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;

/** Call types and appointments for the benchmarks: the demo specialist and patient meet in each. */
final class BenchData {

    static final String SPECIALIST = "dr-lecter";
    static final String PATIENT = "bill";
    static final Actor SPECIALIST_ACTOR = Actor.user(SPECIALIST, Roles.SPECIALIST);
    static final Actor PATIENT_ACTOR = Actor.user(PATIENT, Roles.PATIENT);

    private static final Set<Capability> PATIENT_CAPS = EnumSet.of(Capability.JOIN_CALL, Capability.SEND_AUDIO,
            Capability.SEND_VIDEO);
    private static final Set<Capability> SPECIALIST_CAPS = EnumSet.of(Capability.JOIN_CALL, Capability.SEND_AUDIO,
            Capability.SEND_VIDEO, Capability.UPDATE_CALL, Capability.UPDATE_CALL_SETTINGS, Capability.END_CALL);
    private static final AtomicInteger names = new AtomicInteger();

    private final CallTypeService types;
    private final CallService calls;

    BenchData(CallTypeService types, CallService calls) {
        this.types = types;
        this.calls = calls;
    }

    /** A fresh call type: the specialist may extend and end, the patient may join. */
    String callType(int maxSeconds, List<Integer> thresholds, int idleTimeout, int idlePrompt, int emptyTimeout) {
        String name = "bench-" + names.incrementAndGet() + "-" + Long.toString(System.nanoTime() % 1_000_000, 36);
        types.create(Actor.api(), new CallTypeSettings(name, maxSeconds,
                Map.of(Roles.SPECIALIST, SPECIALIST_CAPS, Roles.PATIENT, PATIENT_CAPS),
                thresholds, List.of(60, 600), idleTimeout, idlePrompt, emptyTimeout));
        return name;
    }

    /** A fresh appointment of the type between the specialist and the patient; answers its id. */
    String call(String type) {
        String id = "c" + names.incrementAndGet();
        calls.create(Actor.api(), new NewCall(type, id, "Benchmark " + id, List.of(SPECIALIST, PATIENT), SPECIALIST,
                null, null));
        return id;
    }

    static String path(String type, String id) {
        return "call/" + type + "/" + id;
    }
}
