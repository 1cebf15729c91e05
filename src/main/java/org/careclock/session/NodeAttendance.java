package org.careclock.session;

import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;

/** One node: its runtimes know every page, so nothing is shared and page numbers count up in memory. */
class NodeAttendance implements SharedAttendance {

    private final AtomicLong tokens = new AtomicLong();

    @Override
    public long nextToken() {
        return tokens.incrementAndGet();
    }

    @Override
    public void opened(CallRuntime.Page page, String displayName) {
    }

    @Override
    public void closed(long token) {
    }

    @Override
    public void seen(long token, Instant at) {
    }

    @Override
    public void switched(CallRuntime.Page page) {
    }

    @Override
    public List<PageElsewhere> elsewhere(String cid, Instant aliveSince) {
        return List.of();
    }

    @Override
    public int expire(String cid, Instant aliveSince) {
        return 0;
    }

    @Override
    public Set<String> attendedCalls(Instant aliveSince) {
        return Set.of();
    }
}
