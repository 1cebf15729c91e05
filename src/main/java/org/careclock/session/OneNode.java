package org.careclock.session;

import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * One node (the default): no durable backstop, since a restart recovers the calls from the
 * database; and no shared attendance, since this node's runtimes know every page.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnProperty(name = "careclock.cluster.enabled", havingValue = "false", matchIfMissing = true)
class OneNode {

    @Bean
    Backstop noBackstop() {
        return Backstop.NONE;
    }

    @Bean
    SharedAttendance nodeAttendance() {
        return new NodeAttendance();
    }
}
