package org.careclock.base;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import java.time.Clock;
import java.time.Duration;

/** The one source of "now" for the whole application; tests replace it with a virtual clock. */
@Configuration(proxyBeanMethods = false)
class Clocks {

    /** System time in whole microseconds: what PostgreSQL and H2 store, so every instant held equals the one stored. */
    @Bean
    Clock clock() {
        return Clock.tick(Clock.systemUTC(), Duration.ofNanos(1_000));
    }
}
