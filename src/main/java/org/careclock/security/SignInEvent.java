package org.careclock.security;

import java.time.Instant;

/**
 * What happened at the sign-in form; the audit log records every one. {@code userId} names an
 * existing account, and is null when the name typed is no account (it is not repeated: people
 * type their password into the wrong field). {@code address} is the client's address as the
 * server sees it (the proxy's forwarded one only when the server is told to trust the proxy).
 */
public sealed interface SignInEvent {

    Instant at();

    record SignedIn(String userId, String address, Instant at) implements SignInEvent {
    }

    /** A wrong password or an unknown name; {@code whileLocked}: refused unchecked, the account or the address waiting. */
    record SignInFailed(String userId, String address, Instant at, boolean whileLocked) implements SignInEvent {
    }

    /** Too many failures in a row: the account may not sign in until {@code until}. */
    record AccountLocked(String userId, String address, Instant at, Instant until) implements SignInEvent {
    }

    /** An address used up its failed attempts; it gets one more every so often. */
    record AddressThrottled(String address, Instant at) implements SignInEvent {
    }

    /** An administrator lifted the lock on an account. */
    record AccountUnlocked(String userId, String by, Instant at) implements SignInEvent {
    }
}
