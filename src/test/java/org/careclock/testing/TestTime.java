package org.careclock.testing;

import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;

import java.time.Instant;

/** Replaces the application clock and scheduler with virtual ones. */
@TestConfiguration(proxyBeanMethods = false)
public class TestTime {

    public static final Instant START = Instant.parse("2026-03-02T09:00:00Z");

    @Bean
    @Primary
    MutableClock testClock() {
        return new MutableClock(START);
    }

    @Bean
    @Primary
    VirtualScheduler testScheduler(MutableClock clock) {
        return new VirtualScheduler(clock);
    }
}
