package org.careclock.base;

/**
 * Role names that have a fixed meaning in the portal. Roles are data (admins may add more);
 * these three exist from the first start.
 */
public final class Roles {

    /** Portal configuration; not implicitly a call participant. */
    public static final String ADMIN = "admin";
    public static final String SPECIALIST = "specialist";
    public static final String PATIENT = "patient";

    /** The Spring Security authority given to users of the admin role (for {@code @RolesAllowed}). */
    public static final String ADMIN_AUTHORITY = "ADMIN";
    /** The authority every signed-in user holds. */
    public static final String USER_AUTHORITY = "USER";

    private Roles() {
    }
}
