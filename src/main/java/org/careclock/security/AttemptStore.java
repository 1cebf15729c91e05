package org.careclock.security;

import java.time.Instant;
import java.util.Map;
import java.util.function.UnaryOperator;

/**
 * Where failed sign-ins are counted: per account, and per client address. One node keeps them
 * in memory ({@link MemoryAttemptStore}); several nodes behind one load balancer would implement
 * this on a store they share (a table, or Bucket4j's proxy managers over the database), so that
 * spreading attempts over the nodes gains an attacker nothing. {@link SignInThrottle} holds the
 * rules; a store only keeps records and answers atomically.
 */
interface AttemptStore {

    /** The account's record now ({@link AccountAttempts#NONE} when there is none). */
    AccountAttempts account(String account);

    /**
     * Replaces the account's record by what {@code change} makes of it, atomically (two failures
     * at the same moment both count); {@link AccountAttempts#NONE} forgets it. Answers the new record.
     */
    AccountAttempts updateAccount(String account, UnaryOperator<AccountAttempts> change);

    /** Every account whose record holds a lock that has not ended at {@code now}. */
    Map<String, AccountAttempts> lockedAt(Instant now);

    /** Whether {@code address} has attempts left. */
    boolean addressMayTry(String address);

    /** Counts a failed attempt against {@code address}; false when it had none left. */
    boolean addressFailed(String address);

    /**
     * An account's recent history: failures since its last lock or success, the locks in a row,
     * the end of the current or last lock, and the last failure.
     */
    record AccountAttempts(int failures, int locks, Instant lockedUntil, Instant lastFailure) {

        static final AccountAttempts NONE = new AccountAttempts(0, 0, null, null);

        boolean lockedAt(Instant now) {
            return lockedUntil != null && now.isBefore(lockedUntil);
        }

        /** The record after one more failure at {@code now}, under {@code rules}. */
        AccountAttempts failed(Instant now, SignInProperties rules) {
            boolean forgotten = lastFailure == null || !now.isBefore(lastFailure.plus(rules.forgetAfter()));
            int failuresNow = (forgotten ? 0 : failures) + 1;
            int locksBefore = forgotten ? 0 : locks;
            if (failuresNow >= rules.maxFailures()) {
                int n = locksBefore + 1;
                return new AccountAttempts(0, n, now.plus(rules.lock(n)), now);
            }
            return new AccountAttempts(failuresNow, locksBefore, forgotten ? null : lockedUntil, now);
        }

        /** When the record may be forgotten: after the lock and the memory of the last failure. */
        Instant forgetAt(SignInProperties rules) {
            Instant remember = lastFailure == null ? Instant.EPOCH : lastFailure.plus(rules.forgetAfter());
            return lockedUntil != null && lockedUntil.isAfter(remember) ? lockedUntil : remember;
        }
    }
}
