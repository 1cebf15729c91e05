package org.careclock.user;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

@Entity
@Table(name = "roles")
class Role {

    @Id
    private String name;

    @Column(name = "description")
    private String description;

    @Column(name = "built_in", nullable = false)
    private boolean builtIn;

    protected Role() {
    }

    Role(String name, String description, boolean builtIn) {
        this.name = name;
        this.description = description;
        this.builtIn = builtIn;
    }

    String name() {
        return name;
    }

    String description() {
        return description;
    }

    void describe(String description) {
        this.description = description;
    }

    boolean builtIn() {
        return builtIn;
    }

    RoleInfo toInfo() {
        return new RoleInfo(name, description == null ? "" : description, builtIn);
    }
}
