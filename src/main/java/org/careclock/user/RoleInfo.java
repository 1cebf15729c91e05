package org.careclock.user;

/** A role as screens and the API see it. */
public record RoleInfo(String name, String description, boolean builtIn) {
}
