package org.careclock.session;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import java.time.Duration;

/**
 * @param presenceTimeout how long a page may go without a heartbeat before its user is taken as
 *                        gone (a crashed browser, a lost network); pair it with vaadin.heartbeatInterval
 */
@ConfigurationProperties("careclock.session")
public record SessionProperties(@DefaultValue("30s") Duration presenceTimeout) {
}
