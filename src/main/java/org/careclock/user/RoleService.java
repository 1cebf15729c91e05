package org.careclock.user;

import org.careclock.base.ConflictException;
import org.careclock.base.InvalidInputException;
import org.careclock.base.NotFoundException;
import org.careclock.base.RefusedException;
import org.careclock.base.Validation;
import org.careclock.base.Actor;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/** Roles are data: admins add and describe them; the three built-in roles cannot be removed. */
@Service
@Transactional(readOnly = true)
public class RoleService {

    public static final Pattern NAME = Pattern.compile("^[a-z][a-z0-9_-]{0,63}$");
    public static final int NAME_MAX = 64;
    public static final int DESCRIPTION_MAX = 200;

    private final RoleRepository roles;
    private final UserRepository users;

    RoleService(RoleRepository roles, UserRepository users) {
        this.roles = roles;
        this.users = users;
    }

    public List<RoleInfo> list() {
        return roles.findAll().stream().map(Role::toInfo)
                .sorted((a, b) -> a.name().compareTo(b.name())).toList();
    }

    public List<String> names() {
        return list().stream().map(RoleInfo::name).toList();
    }

    public boolean exists(String name) {
        return name != null && roles.existsById(name);
    }

    /**
     * Creates a role; creating one that already exists answers the existing role (so setup
     * scripts can run again).
     */
    @Transactional
    public RoleInfo create(Actor actor, String name, String description) {
        requireAdmin(actor);
        Validation.requireMatch("name", name, NAME,
                "must start with a lower-case letter and hold only a-z, 0-9, '_' or '-' (at most 64 characters)");
        String text = description == null ? "" : description.strip();
        if (text.length() > DESCRIPTION_MAX) {
            throw new InvalidInputException("description", "description may have at most " + DESCRIPTION_MAX + " characters");
        }
        return roles.findById(name).map(Role::toInfo)
                .orElseGet(() -> roles.save(new Role(name, text, false)).toInfo());
    }

    /**
     * Adds a new role for the admin page: unlike {@link #create}, a name that is already taken
     * is refused rather than answered.
     */
    @Transactional
    public RoleInfo add(Actor actor, String name, String description) {
        requireAdmin(actor);
        if (name != null && roles.existsById(name)) {
            throw new InvalidInputException("name", "A role named " + name + " already exists");
        }
        return create(actor, name, description);
    }

    @Transactional
    public RoleInfo describe(Actor actor, String name, String description) {
        requireAdmin(actor);
        Role role = find(name);
        String text = description == null ? "" : description.strip();
        if (text.length() > DESCRIPTION_MAX) {
            throw new InvalidInputException("description", "description may have at most " + DESCRIPTION_MAX + " characters");
        }
        role.describe(text);
        return role.toInfo();
    }

    @Transactional
    public void delete(Actor actor, String name) {
        requireAdmin(actor);
        Role role = find(name);
        if (role.builtIn()) {
            throw new ConflictException("The built-in role " + name + " cannot be deleted");
        }
        if (users.existsByRole(name)) {
            throw new ConflictException("Role " + name + " still has users; give them another role first");
        }
        roles.delete(role);
    }

    private Role find(String name) {
        return (name == null ? Optional.<Role>empty() : roles.findById(name))
                .orElseThrow(() -> new NotFoundException("Role " + name + " does not exist"));
    }

    static void requireAdmin(Actor actor) {
        Actor.requireAdmin(actor, "Only administrators may change roles and users");
    }
}
