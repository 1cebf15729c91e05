package org.careclock.user;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.careclock.base.Actor;
import org.careclock.base.CleanText;
import org.careclock.base.ConflictException;
import org.careclock.base.InputValidator;
import org.careclock.base.InvalidInputException;
import org.careclock.base.NotFoundException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.util.List;
import java.util.Optional;

/** Roles are data: admins add and describe them; the three built-in roles cannot be removed. */
@Service
@Transactional(readOnly = true)
public class RoleService {

    /** The longest role name. */
    public static final int NAME_MAX = 64;
    /** What a role name may hold. */
    public static final String NAME_PATTERN = "[a-z][a-z0-9_-]{0," + (NAME_MAX - 1) + "}";
    /** The longest description. */
    public static final int DESCRIPTION_MAX = 200;

    static final String NAME_RULE = "Role name must start with a lower-case letter and hold only a-z, 0-9, '_' or '-' "
            + "(at most " + NAME_MAX + " characters)";

    private final RoleRepository roles;
    private final UserRepository users;
    private final InputValidator inputs;

    RoleService(RoleRepository roles, UserRepository users, InputValidator inputs) {
        this.roles = roles;
        this.users = users;
        this.inputs = inputs;
    }

    /**
     * What an administrator types to add or describe a role, with its rules as constraints; the
     * description is kept without surrounding spaces, and a missing one is empty.
     */
    public record RoleForm(
            @NotNull(message = NAME_RULE) @Pattern(regexp = NAME_PATTERN, message = NAME_RULE)
            String name,
            @Size(max = DESCRIPTION_MAX, message = "Description may have at most " + DESCRIPTION_MAX + " characters")
            @CleanText(message = "Description " + CleanText.RULE)
            String description) {

        public RoleForm {
            description = description == null ? "" : description.strip();
        }
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
        RoleForm form = inputs.check(new RoleForm(name, description));
        return roles.findById(name).map(Role::toInfo)
                .orElseGet(() -> roles.save(new Role(form.name(), form.description(), false)).toInfo());
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
        role.describe(inputs.check(new RoleForm(role.name(), description)).description());
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
