package org.careclock.base;

/**
 * The user signed in to the page being served, as an {@link Actor}. The security feature
 * provides it; pages of every feature ask it who is acting without knowing how sign-in works.
 */
public interface CurrentUser {

    /** The signed-in user, read fresh (a role change applies at once); fails when nobody is signed in. */
    Actor actor();

    /** The signed-in user's display name, or an empty string. */
    String displayName();

    /** Whether someone is signed in to the page being served. */
    default boolean signedIn() {
        return !displayName().isEmpty();
    }

    void signOut();
}
