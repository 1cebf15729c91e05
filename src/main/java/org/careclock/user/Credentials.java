package org.careclock.user;

/** What sign-in needs to check a password; only the security configuration reads it. */
public record Credentials(String userId, String role, String passwordHash, boolean enabled) {
}
