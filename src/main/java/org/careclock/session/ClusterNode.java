package org.careclock.session;

import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.stereotype.Component;

import java.util.UUID;

/** This node's id among the nodes sharing one database: new at every start, so a restarted node is a new one. */
@Component
@ConditionalOnProperty(name = "careclock.cluster.enabled", havingValue = "true")
class ClusterNode {

    private final String id = UUID.randomUUID().toString();

    String id() {
        return id;
    }
}
