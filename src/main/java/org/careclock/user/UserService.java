package org.careclock.user;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.careclock.base.Actor;
import org.careclock.base.CleanText;
import org.careclock.base.InputValidator;
import org.careclock.base.InvalidInputException;
import org.careclock.base.LanguageChoice;
import org.careclock.base.NotFoundException;
import org.careclock.base.RefusedException;
import org.careclock.base.Roles;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.util.List;
import java.util.Optional;

/** Users of the portal: staff, patients and administrators. Only administrators change them. */
@Service
@Transactional(readOnly = true)
public class UserService implements LanguageChoice {

    /** The longest user id (the sign-in name). */
    public static final int ID_MAX = 64;
    /** What a user id may hold. */
    public static final String ID_PATTERN = "[a-z0-9@._-]{1," + ID_MAX + "}";
    /** The longest display name. */
    public static final int NAME_MAX = 120;
    /** The shortest password an administrator may set. */
    public static final int PASSWORD_MIN = 8;
    /** The longest password. */
    public static final int PASSWORD_MAX = 128;

    static final String ID_RULE = "User id may hold only a-z, 0-9, '@', '.', '_' or '-' (1 to " + ID_MAX + " characters)";
    static final String PASSWORD_RULE = "Password must have " + PASSWORD_MIN + " to " + PASSWORD_MAX + " characters";

    private final UserRepository users;
    private final RoleRepository roles;
    private final PasswordEncoder passwordEncoder;
    private final InputValidator inputs;

    UserService(UserRepository users, RoleRepository roles, PasswordEncoder passwordEncoder, InputValidator inputs) {
        this.users = users;
        this.roles = roles;
        this.passwordEncoder = passwordEncoder;
        this.inputs = inputs;
    }

    /**
     * What an administrator types to create or change a user, with its rules as constraints; the
     * display name is kept without surrounding spaces. A null password keeps the stored one (or,
     * for a new user, leaves the account without one). Whether the role exists is the service's
     * to check.
     */
    public record UserForm(
            @NotNull(message = ID_RULE) @Pattern(regexp = ID_PATTERN, message = ID_RULE)
            String id,
            @NotBlank(message = "Display name is required")
            @Size(max = NAME_MAX, message = "Display name may have at most " + NAME_MAX + " characters")
            @CleanText(message = "Display name " + CleanText.RULE)
            String name,
            @NotNull(message = "Choose a role")
            String role,
            boolean enabled,
            @Size(min = PASSWORD_MIN, max = PASSWORD_MAX, message = PASSWORD_RULE)
            String password) {

        public UserForm {
            name = name == null ? null : name.strip();
        }

        /** Never the password: a form that reaches a log message must not carry it there. */
        @Override
        public String toString() {
            return "UserForm[id=" + id + ", name=" + name + ", role=" + role + ", enabled=" + enabled
                    + ", password=" + (password == null ? "none" : "(hidden)") + "]";
        }
    }

    /** A new password an administrator sets for a user. */
    public record NewPassword(
            @NotNull(message = PASSWORD_RULE) @Size(min = PASSWORD_MIN, max = PASSWORD_MAX, message = PASSWORD_RULE)
            String password) {

        @Override
        public String toString() {
            return "NewPassword[(hidden)]";
        }
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
        inputs.check(form);
        if (users.existsById(form.id())) {
            throw new InvalidInputException("id", "A user with id " + form.id() + " already exists");
        }
        AppUser user = new AppUser(form.id(), form.name(), requireRole(form.role()));
        user.setEnabled(form.enabled());
        if (form.password() != null) {
            user.setPasswordHash(passwordEncoder.encode(form.password()));
        }
        return users.save(user).toInfo();
    }

    @Transactional
    public UserInfo update(Actor actor, UserForm form) {
        RoleService.requireAdmin(actor);
        AppUser user = existing(form.id());
        inputs.check(form);
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
        String hash = form.password() == null ? null : passwordEncoder.encode(form.password());
        user.rename(form.name());
        user.assignRole(role);
        user.setEnabled(form.enabled());
        if (hash != null) {
            user.setPasswordHash(hash);
        }
        return user.toInfo();
    }

    /**
     * Creates or updates users by id (the API's upsert), all or none: name and role are
     * replaced, the password and the enabled flag are kept.
     */
    @Transactional
    public List<UserInfo> upsert(Actor actor, List<UserForm> forms) {
        RoleService.requireAdmin(actor);
        for (UserForm form : forms) {
            inputs.check(form);
            requireRole(form.role());
        }
        return forms.stream().map(form -> {
            AppUser user = users.findById(form.id()).orElseGet(() -> new AppUser(form.id(), form.name(), form.role()));
            keepAnAdministrator(user, form.role(), user.enabled());
            user.rename(form.name());
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
        inputs.check(new NewPassword(password));
        user.setPasswordHash(passwordEncoder.encode(password));
    }

    /** What a remembered language may be: a language tag such as "de" or "en-GB". */
    public static final String LANGUAGE_PATTERN = "[a-z]{2,3}(-[A-Za-z0-9]{2,8})?";

    /** The language {@code id} chose for the pages, if any: theirs to read, or an administrator's. */
    public Optional<String> language(Actor actor, String id) {
        requireSelfOrAdmin(actor, id);
        return Optional.ofNullable(existing(id).language());
    }

    /** Remembers the language {@code id} chose for the pages (null forgets it): theirs to set, or an administrator's. */
    @Transactional
    public void setLanguage(Actor actor, String id, String languageTag) {
        requireSelfOrAdmin(actor, id);
        if (languageTag != null && !languageTag.matches(LANGUAGE_PATTERN)) {
            throw new InvalidInputException("language", "Language must be a language tag such as de or en-GB");
        }
        existing(id).setLanguage(languageTag);
    }

    @Override
    public Optional<String> chosen(Actor actor) {
        return actor == null || actor.userId() == null ? Optional.empty() : language(actor, actor.userId());
    }

    @Override
    @Transactional
    public void choose(Actor actor, String languageTag) {
        if (actor != null && actor.userId() != null) {
            setLanguage(actor, actor.userId(), languageTag);
        }
    }

    private static void requireSelfOrAdmin(Actor actor, String id) {
        if (actor == null || !actor.isAdmin() && (actor.userId() == null || !actor.userId().equals(id))) {
            throw new RefusedException("Only the user themselves or an administrator may change their language");
        }
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

    private String requireRole(String role) {
        if (role == null || !roles.existsById(role)) {
            throw new InvalidInputException("role", "Role " + role + " does not exist");
        }
        return role;
    }
}
