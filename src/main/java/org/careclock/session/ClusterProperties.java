package org.careclock.session;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import java.time.Duration;

/**
 * Several nodes on one PostgreSQL database (README, "Several nodes").
 *
 * @param enabled          share events, presence and the durable backstop with the other nodes
 * @param backstopGrace    how long after a call's deadline its durable backstop is due: the node
 *                         that runs the call ends it on time from memory; the backstop is for when
 *                         that node is gone
 * @param pollingInterval  how often each node's cluster scheduler looks for due backstops
 * @param sweepInterval    how often one node looks for running calls that no live node serves (no
 *                         page with a heartbeat within the presence timeout) and takes them over
 * @param heartbeatInterval how often a node running a backstop says so; a run whose node missed six
 *                         heartbeats is taken as dead and run again by another node
 */
@ConfigurationProperties("careclock.cluster")
public record ClusterProperties(@DefaultValue("false") boolean enabled,
                                @DefaultValue("2s") Duration backstopGrace,
                                @DefaultValue("1s") Duration pollingInterval,
                                @DefaultValue("5s") Duration sweepInterval,
                                @DefaultValue("5s") Duration heartbeatInterval) {
}
