package org.careclock.user;

/** A user as screens and the API see it; never carries the password hash. */
public record UserInfo(String id, String displayName, String role, boolean enabled, boolean hasPassword) {
}
