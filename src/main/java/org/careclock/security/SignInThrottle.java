package org.careclock.security;

import org.careclock.base.Actor;
import org.careclock.base.SignInLocks;
import org.careclock.security.AttemptStore.AccountAttempts;
import org.careclock.user.UserService;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;

import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * The rules of failed sign-ins ({@link SignInProperties}): after {@code max-failures} failures in a
 * row an account is locked for {@code lock-duration}, twice as long at each further lock, at most
 * {@code max-lock-duration}; a client address that fails {@code address-failures} times waits
 * for its allowance to refill. Names that are no account are counted and locked like accounts,
 * and every refusal reads the same, so nothing tells an unknown name from a wrong password or a
 * lock. While locked, an attempt is refused without checking the password (and does not lengthen
 * the lock). Every outcome is published as a {@link SignInEvent}.
 */
@Service
class SignInThrottle implements SignInLocks {

    /** The longest name kept as a key (longer ones are cut: the counting stays, the memory is bounded). */
    static final int KEY_MAX = 128;

    private final AttemptStore store;
    private final SignInProperties rules;
    private final UserService users;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    SignInThrottle(AttemptStore store, SignInProperties rules, UserService users, ApplicationEventPublisher events,
                   Clock clock) {
        this.store = store;
        this.rules = rules;
        this.users = users;
        this.events = events;
        this.clock = clock;
    }

    /** Whether {@code account} may try to sign in from {@code address} now; a refusal is published. */
    boolean mayTry(String account, String address) {
        Instant now = clock.instant();
        if (store.account(key(account)).lockedAt(now) || !store.addressMayTry(address)) {
            events.publishEvent(new SignInEvent.SignInFailed(known(account), address, now, true));
            return false;
        }
        return true;
    }

    /** A wrong password or an unknown name: counts it against the account and the address. */
    void failed(String account, String address) {
        Instant now = clock.instant();
        String userId = known(account);
        boolean addressHadAttempts = store.addressFailed(address);
        AccountAttempts after = store.updateAccount(key(account), before -> before.failed(now, rules));
        events.publishEvent(new SignInEvent.SignInFailed(userId, address, now, false));
        if (after.lockedAt(now) && now.equals(after.lastFailure()) && after.failures() == 0) {
            events.publishEvent(new SignInEvent.AccountLocked(userId, address, now, after.lockedUntil()));
        }
        if (addressHadAttempts && !store.addressMayTry(address)) {
            events.publishEvent(new SignInEvent.AddressThrottled(address, now));
        }
    }

    /** A successful sign-in forgets the account's failures. */
    void succeeded(String account, String address) {
        store.updateAccount(key(account), before -> AccountAttempts.NONE);
        events.publishEvent(new SignInEvent.SignedIn(known(account), address, clock.instant()));
    }

    @Override
    public Map<String, Instant> locked(Actor actor) {
        Actor.requireAdmin(actor, "Only administrators may see locked accounts");
        Map<String, Instant> locked = new LinkedHashMap<>();
        store.lockedAt(clock.instant()).forEach((account, record) -> {
            if (users.exists(account)) {
                locked.put(account, record.lockedUntil());
            }
        });
        return locked;
    }

    @Override
    public boolean unlock(Actor actor, String userId) {
        Actor.requireAdmin(actor, "Only administrators may unlock accounts");
        Instant now = clock.instant();
        boolean wasLocked = store.account(key(userId)).lockedAt(now);
        store.updateAccount(key(userId), before -> AccountAttempts.NONE);
        if (wasLocked) {
            events.publishEvent(new SignInEvent.AccountUnlocked(userId, actor.label(), now));
        }
        return wasLocked;
    }

    /** The account as a key: as typed, without surrounding spaces, in lower case (user ids are), cut at {@link #KEY_MAX}. */
    static String key(String account) {
        String k = account == null ? "" : account.strip().toLowerCase(Locale.ROOT);
        return k.length() > KEY_MAX ? k.substring(0, KEY_MAX) : k;
    }

    /** The user id when {@code account} names an existing user, else null. */
    private String known(String account) {
        String k = key(account);
        return users.exists(k) ? k : null;
    }
}
