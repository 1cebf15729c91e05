package org.careclock.user;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

@Entity
@Table(name = "users")
class AppUser {

    @Id
    private String id;

    @Column(name = "display_name", nullable = false)
    private String displayName;

    @Column(name = "role", nullable = false)
    private String role;

    @Column(name = "enabled", nullable = false)
    private boolean enabled;

    @Column(name = "password_hash")
    private String passwordHash;

    @Column(name = "language")
    private String language;

    protected AppUser() {
    }

    AppUser(String id, String displayName, String role) {
        this.id = id;
        this.displayName = displayName;
        this.role = role;
        this.enabled = true;
    }

    String id() {
        return id;
    }

    String role() {
        return role;
    }

    String passwordHash() {
        return passwordHash;
    }

    boolean enabled() {
        return enabled;
    }

    void rename(String displayName) {
        this.displayName = displayName;
    }

    void assignRole(String role) {
        this.role = role;
    }

    void setEnabled(boolean enabled) {
        this.enabled = enabled;
    }

    String language() {
        return language;
    }

    void setLanguage(String language) {
        this.language = language;
    }

    void setPasswordHash(String passwordHash) {
        this.passwordHash = passwordHash;
    }

    UserInfo toInfo() {
        return new UserInfo(id, displayName, role, enabled, passwordHash != null);
    }
}
