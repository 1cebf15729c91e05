package org.careclock.user;

import org.careclock.base.InvalidInputException;
import org.careclock.base.NotFoundException;
import org.careclock.base.RefusedException;
import org.careclock.base.Validation;
import org.careclock.base.Actor;
import org.careclock.base.Roles;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/** Users of the portal: staff, patients and administrators. Only administrators change them. */
@Service
@Transactional(readOnly = true)
public class UserService {

    public static final Pattern ID = Pattern.compile("^[a-z0-9@._-]{1,64}$");
    public static final int ID_MAX = 64;
    public static final int NAME_MAX = 120;
    public static final int PASSWORD_MIN = 8;
    public static final int PASSWORD_MAX = 128;

    private final UserRepository users;
    private final RoleRepository roles;
    private final PasswordEncoder passwordEncoder;

    UserService(UserRepository users, RoleRepository roles, PasswordEncoder passwordEncoder) {
        this.users = users;
        this.roles = roles;
        this.passwordEncoder = passwordEncoder;
    }

    /** What an administrator types to create or change a user; a null password keeps the stored one. */
    public record UserForm(String id, String displayName, String role, boolean enabled, String password) {
    }

    public List<UserInfo> list(Actor actor) {
        RoleService.requireAdmin(actor);
        return users.findAllByOrderByIdAsc().stream().map(AppUser::toInfo).toList();
    }

    /** Public facts (name, role) of users; used to show who is in a call. */
    public Optional<UserInfo> find(String id) {
        return id == null ? Optional.empty() : users.findById(id).map(AppUser::toInfo);
    }

    public String displayName(String id) {
        return find(id).map(UserInfo::displayName).orElse(id);
    }

    public boolean exists(String id) {
        return id != null && users.existsById(id);
    }

    /** For sign-in only. */
    public Optional<Credentials> credentials(String id) {
        return id == null ? Optional.empty() : users.findById(id).map(u -> new Credentials(u.id(), u.role(), u.passwordHash(), u.enabled()));
    }

    @Transactional
    public UserInfo create(Actor actor, UserForm form) {
        RoleService.requireAdmin(actor);
        String id = Validation.requireMatch("id", form.id(), ID,
                "may hold only a-z, 0-9, '@', '.', '_' or '-' (1 to 64 characters)");
        if (users.existsById(id)) {
            throw new InvalidInputException("id", "A user with id " + id + " already exists");
        }
        AppUser user = new AppUser(id, Validation.requireText("name", form.displayName(), NAME_MAX), requireRole(form.role()));
        user.setEnabled(form.enabled());
        if (form.password() != null) {
            user.setPasswordHash(encode(form.password()));
        }
        return users.save(user).toInfo();
    }

    @Transactional
    public UserInfo update(Actor actor, UserForm form) {
        RoleService.requireAdmin(actor);
        AppUser user = existing(form.id());
        String name = Validation.requireText("name", form.displayName(), NAME_MAX);
        String role = requireRole(form.role());
        if (actor.userId() != null && actor.userId().equals(user.id())) {
            if (!form.enabled()) {
                throw new RefusedException("You cannot disable your own account");
            }
            if (!role.equals(user.role()) && "admin".equals(user.role())) {
                throw new RefusedException("You cannot take the admin role from your own account");
            }
        }
        keepAnAdministrator(user, role, form.enabled());
        String hash = form.password() == null || form.password().isEmpty() ? null : encode(form.password());
        user.rename(name);
        user.assignRole(role);
        user.setEnabled(form.enabled());
        if (hash != null) {
            user.setPasswordHash(hash);
        }
        return user.toInfo();
    }

    /**
     * Creates or updates users by id (the API's upsert): name and role are replaced, the
     * password and the enabled flag are kept.
     */
    @Transactional
    public List<UserInfo> upsert(Actor actor, List<UserForm> forms) {
        RoleService.requireAdmin(actor);
        for (UserForm form : forms) {
            Validation.requireMatch("id", form.id(), ID,
                    "may hold only a-z, 0-9, '@', '.', '_' or '-' (1 to 64 characters)");
            Validation.requireText("name", form.displayName() == null ? form.id() : form.displayName(), NAME_MAX);
            requireRole(form.role());
        }
        return forms.stream().map(form -> {
            String name = form.displayName() == null || form.displayName().isBlank() ? form.id() : form.displayName().strip();
            AppUser user = users.findById(form.id()).orElseGet(() -> new AppUser(form.id(), name, form.role()));
            keepAnAdministrator(user, form.role(), user.enabled());
            user.rename(name);
            user.assignRole(form.role());
            return users.save(user).toInfo();
        }).toList();
    }

    @Transactional
    public UserInfo setEnabled(Actor actor, String id, boolean enabled) {
        RoleService.requireAdmin(actor);
        AppUser user = existing(id);
        if (!enabled && id.equals(actor.userId())) {
            throw new RefusedException("You cannot disable your own account");
        }
        keepAnAdministrator(user, user.role(), enabled);
        user.setEnabled(enabled);
        return user.toInfo();
    }

    @Transactional
    public void resetPassword(Actor actor, String id, String password) {
        RoleService.requireAdmin(actor);
        AppUser user = existing(id);
        user.setPasswordHash(encode(password));
    }

    /**
     * Creates or refreshes an account at start-up (demo data): no actor and no password-length
     * rule, since the password comes from configuration, not from a form.
     */
    @Transactional
    public UserInfo provision(String id, String displayName, String role, String rawPassword) {
        AppUser user = users.findById(id).orElseGet(() -> new AppUser(id, displayName, requireRole(role)));
        if (rawPassword != null) {
            user.setPasswordHash(passwordEncoder.encode(rawPassword));
        }
        return users.save(user).toInfo();
    }

    /** Refuses a change that would leave the portal without an enabled administrator. */
    private void keepAnAdministrator(AppUser user, String newRole, boolean newEnabled) {
        boolean isAdmin = user.enabled() && Roles.ADMIN.equals(user.role()) && users.existsById(user.id());
        boolean staysAdmin = newEnabled && Roles.ADMIN.equals(newRole);
        if (isAdmin && !staysAdmin && users.countByRoleAndEnabledTrue(Roles.ADMIN) <= 1) {
            throw new RefusedException("CareClock needs at least one enabled administrator; make another user an administrator first");
        }
    }

    private AppUser existing(String id) {
        return (id == null ? Optional.<AppUser>empty() : users.findById(id))
                .orElseThrow(() -> new NotFoundException("User " + id + " does not exist"));
    }

    private String encode(String password) {
        if (password == null || password.length() < PASSWORD_MIN || password.length() > PASSWORD_MAX) {
            throw new InvalidInputException("password",
                    "password must have " + PASSWORD_MIN + " to " + PASSWORD_MAX + " characters");
        }
        return passwordEncoder.encode(password);
    }

    private String requireRole(String role) {
        if (role == null || !roles.existsById(role)) {
            throw new InvalidInputException("role", "Role " + role + " does not exist");
        }
        return role;
    }
}
