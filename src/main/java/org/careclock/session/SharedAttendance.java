package org.careclock.session;

import java.time.Instant;
import java.util.List;
import java.util.Set;

/**
 * The pages of running calls as every node sees them. On one node nothing is shared: its
 * runtimes know every page. With several nodes ({@code careclock.cluster.enabled=true}) each
 * node writes its own pages to the database, and reads the other nodes' pages of a call from it,
 * so alone, idle and empty are decided from every node's pages.
 */
interface SharedAttendance {

    /** A page number unique among all the pages every node opens. */
    long nextToken();

    /** This node opened {@code page} for the user {@code displayName}. */
    void opened(CallRuntime.Page page, String displayName);

    /** This node's page {@code token} closed (or was taken as gone). */
    void closed(long token);

    /** A heartbeat of this node's page {@code token}. */
    void seen(long token, Instant at);

    /** This node's page switched its camera or microphone. */
    void switched(CallRuntime.Page page);

    /** The call's pages on the other nodes, whose heartbeat is not older than {@code aliveSince}. */
    List<PageElsewhere> elsewhere(String cid, Instant aliveSince);

    /** Forgets the call's pages of other nodes that sent no heartbeat since {@code aliveSince} (their node is gone). */
    int expire(String cid, Instant aliveSince);

    /** The calls with a page on any node whose heartbeat is not older than {@code aliveSince}. */
    Set<String> attendedCalls(Instant aliveSince);

    /** A page another node serves. */
    record PageElsewhere(long token, String userId, String displayName, boolean mayAudio, boolean mayVideo,
                         boolean audioOn, boolean videoOn, Instant lastSeen) {
    }
}
