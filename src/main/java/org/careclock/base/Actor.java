package org.careclock.base;


/** Who is acting: a signed-in user with their role, or the server-side API. */
public record Actor(String userId, String role, boolean server) {

    public static Actor user(String userId, String role) {
        return new Actor(userId, role, false);
    }

    /** The JSON API authenticated with the API secret: trusted like an administrator. */
    public static Actor api() {
        return new Actor(null, Roles.ADMIN, true);
    }

    public boolean isAdmin() {
        return server || Roles.ADMIN.equals(role);
    }

    /** Refuses, with {@code message}, anyone but an administrator or the API (and a missing actor). */
    public static void requireAdmin(Actor actor, String message) {
        if (actor == null || !actor.isAdmin()) {
            throw new RefusedException(message);
        }
    }

    /** A name for the audit log. */
    public String label() {
        return server ? "api" : userId;
    }
}
