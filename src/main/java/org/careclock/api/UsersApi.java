package org.careclock.api;

import jakarta.validation.Valid;
import org.careclock.base.Actor;
import org.careclock.base.InputValidator;
import org.careclock.base.InvalidInputException;
import org.careclock.user.RoleService;
import org.careclock.user.UserInfo;
import org.careclock.user.UserService;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * {@code POST /api/v2/users}: creates or updates users by id, all or none. A new user needs a
 * role; an existing one keeps what the request leaves out. Users made here have no password:
 * an administrator sets one before they can sign in. Passwords and the enabled flag are never
 * changed here.
 */
@RestController
@RequestMapping("/api/v2/users")
class UsersApi {

    static final int MAX_USERS = 100;

    private final UserService users;
    private final RoleService roles;
    private final InputValidator inputs;

    UsersApi(UserService users, RoleService roles, InputValidator inputs) {
        this.users = users;
        this.roles = roles;
        this.inputs = inputs;
    }

    @PostMapping
    Wire.Users upsert(@AuthenticationPrincipal Actor actor, @Valid @RequestBody Requests.UpsertUsers request) {
        List<UserService.UserForm> forms = new ArrayList<>();
        request.users().forEach((key, user) -> forms.add(form(key, user)));
        Map<String, Wire.User> out = new LinkedHashMap<>();
        for (UserInfo user : users.upsert(actor, forms)) {
            out.put(user.id(), new Wire.User(user.id(), user.displayName(), user.role()));
        }
        return new Wire.Users(out);
    }

    /**
     * Reads one user, fills what an existing user keeps, and checks it against the constraints of
     * {@link UserService.UserForm}, naming a refused field by its path in the request.
     */
    private UserService.UserForm form(String key, Requests.User user) {
        String path = "users." + key;
        String id = user.id() != null ? user.id() : key;
        if (!id.equals(key)) {
            throw new InvalidInputException(path + ".id", path + ".id is " + id + " but the user is listed as " + key);
        }
        Optional<UserInfo> existing = users.find(id);
        String name = user.name() != null ? user.name() : existing.map(UserInfo::displayName).orElse(id);
        String role = Optional.ofNullable(user.role()).or(() -> existing.map(UserInfo::role))
                .orElseThrow(() -> new InvalidInputException(path + ".role", path + ".role is required for a new user"));
        UserService.UserForm form = new UserService.UserForm(id, name, role, true, null);
        try {
            inputs.check(form);
        } catch (InvalidInputException e) {
            throw new InvalidInputException(path + "." + e.field(), e.getMessage());
        }
        if (!roles.exists(role)) {
            throw new InvalidInputException(path + ".role", path + ".role names the unknown role " + role
                    + "; create it first with POST /api/v2/roles");
        }
        return form;
    }
}
