package org.careclock.user;

/** What sign-in needs to check a password; only the security configuration reads it. */
public record Credentials(String userId, String role, String passwordHash, boolean enabled) {

    /** Never the hash: it would let a reader of the log guess the password offline. */
    @Override
    public String toString() {
        return "Credentials[userId=" + userId + ", role=" + role + ", enabled=" + enabled + "]";
    }
}
