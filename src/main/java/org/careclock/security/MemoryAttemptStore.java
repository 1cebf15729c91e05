package org.careclock.security;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Expiry;
import com.github.benmanes.caffeine.cache.Ticker;
import io.github.bucket4j.Bucket;
import io.github.bucket4j.TimeMeter;
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.UnaryOperator;

/**
 * The attempts of one node, in memory, on the application clock (tests move it): accounts in a
 * Caffeine cache whose entries expire when their lock and the memory of their last failure have
 * passed, addresses as Bucket4j token buckets (one token per failed attempt, refilled evenly over
 * the window) in a cache that forgets an address a window after its last attempt. Both are
 * bounded, so a flood of made-up names or addresses cannot exhaust the memory; the oldest
 * records go first.
 */
@Component
class MemoryAttemptStore implements AttemptStore {

    /** The most accounts and addresses remembered at once. */
    static final int MAX_ENTRIES = 100_000;

    private final SignInProperties rules;
    private final Clock clock;
    private final Cache<String, AccountAttempts> accounts;
    private final Cache<String, Bucket> addresses;
    private final TimeMeter meter;

    MemoryAttemptStore(SignInProperties rules, Clock clock) {
        this.rules = rules;
        this.clock = clock;
        Ticker ticker = () -> nanos(clock.instant());
        this.accounts = Caffeine.newBuilder()
                .ticker(ticker)
                .maximumSize(MAX_ENTRIES)
                .expireAfter(Expiry.writing((String account, AccountAttempts record) -> until(record.forgetAt(rules))))
                .build();
        this.addresses = Caffeine.newBuilder()
                .ticker(ticker)
                .maximumSize(MAX_ENTRIES)
                .expireAfterAccess(rules.addressWindow())
                .build();
        this.meter = new TimeMeter() {
            @Override
            public long currentTimeNanos() {
                return nanos(clock.instant());
            }

            @Override
            public boolean isWallClockBased() {
                return true;
            }
        };
    }

    @Override
    public AccountAttempts account(String account) {
        AccountAttempts record = accounts.getIfPresent(account);
        return record == null ? AccountAttempts.NONE : record;
    }

    @Override
    public AccountAttempts updateAccount(String account, UnaryOperator<AccountAttempts> change) {
        AccountAttempts changed = accounts.asMap().compute(account, (key, before) -> {
            AccountAttempts after = change.apply(before == null ? AccountAttempts.NONE : before);
            return after == null || after.equals(AccountAttempts.NONE) ? null : after;
        });
        return changed == null ? AccountAttempts.NONE : changed;
    }

    @Override
    public Map<String, AccountAttempts> lockedAt(Instant now) {
        Map<String, AccountAttempts> locked = new LinkedHashMap<>();
        accounts.asMap().forEach((account, record) -> {
            if (record.lockedAt(now)) {
                locked.put(account, record);
            }
        });
        return locked;
    }

    @Override
    public boolean addressMayTry(String address) {
        Bucket bucket = addresses.getIfPresent(address);
        return bucket == null || bucket.getAvailableTokens() > 0;
    }

    @Override
    public boolean addressFailed(String address) {
        return addresses.get(address, a -> Bucket.builder()
                .addLimit(limit -> limit.capacity(rules.addressFailures())
                        .refillGreedy(rules.addressFailures(), rules.addressWindow()))
                .withCustomTimePrecision(meter)
                .build()).tryConsume(1);
    }

    private Duration until(Instant instant) {
        Duration left = Duration.between(clock.instant(), instant);
        return left.isNegative() ? Duration.ZERO : left;
    }

    private static long nanos(Instant instant) {
        return instant.getEpochSecond() * 1_000_000_000L + instant.getNano();
    }
}
