package org.careclock.security;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import java.time.Duration;

/**
 * How failed sign-ins are throttled ({@code careclock.sign-in.*}).
 *
 * @param maxFailures      failed attempts in a row after which an account is locked (5)
 * @param lockDuration     how long the first lock lasts (5 minutes); each further lock without a
 *                         successful sign-in in between lasts twice as long as the one before
 * @param maxLockDuration  the longest lock (1 hour)
 * @param forgetAfter      how long an account's failures and locks are remembered after its last
 *                         failure (24 hours); a successful sign-in forgets them at once
 * @param addressFailures  failed attempts one client address may make in a burst, whatever the
 *                         accounts (20); then it waits
 * @param addressWindow    the time in which an address regains its whole allowance (10 minutes;
 *                         one attempt every {@code addressWindow / addressFailures}, 30 s by default)
 */
@ConfigurationProperties("careclock.sign-in")
public record SignInProperties(
        @DefaultValue("5") int maxFailures,
        @DefaultValue("5m") Duration lockDuration,
        @DefaultValue("1h") Duration maxLockDuration,
        @DefaultValue("24h") Duration forgetAfter,
        @DefaultValue("20") int addressFailures,
        @DefaultValue("10m") Duration addressWindow) {

    public SignInProperties {
        if (maxFailures < 1 || addressFailures < 1) {
            throw new IllegalArgumentException("careclock.sign-in.max-failures and address-failures must be at least 1");
        }
        if (lockDuration.isNegative() || lockDuration.isZero() || maxLockDuration.compareTo(lockDuration) < 0
                || addressWindow.isNegative() || addressWindow.isZero()) {
            throw new IllegalArgumentException("careclock.sign-in: lock-duration and address-window must be positive, "
                    + "max-lock-duration at least lock-duration");
        }
    }

    /** How long the {@code n}th lock in a row lasts (n from 1): doubling from {@link #lockDuration}, at most {@link #maxLockDuration}. */
    public Duration lock(int n) {
        Duration d = lockDuration;
        for (int i = 1; i < n && d.compareTo(maxLockDuration) < 0; i++) {
            d = d.multipliedBy(2);
        }
        return d.compareTo(maxLockDuration) > 0 ? maxLockDuration : d;
    }
}
