package org.careclock.base;

import java.time.Instant;
import java.util.Map;

/**
 * Accounts that may not sign in for a while after too many failed attempts. The security
 * feature keeps them; the users page shows them and lets administrators lift them.
 */
public interface SignInLocks {

    /** The accounts locked now, with the end of each lock; for administrators only. */
    Map<String, Instant> locked(Actor actor);

    /**
     * Lifts the lock on {@code userId} and forgets its failed attempts, as a successful sign-in
     * would; for administrators only. Answers whether there was a lock to lift.
     */
    boolean unlock(Actor actor, String userId);
}
