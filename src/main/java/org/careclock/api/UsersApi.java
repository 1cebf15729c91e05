package org.careclock.api;

import org.careclock.base.Actor;
import org.careclock.base.InputValidator;
import org.careclock.base.InvalidInputException;
import org.careclock.user.RoleService;
import org.careclock.user.UserInfo;
import org.careclock.user.UserService;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

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
    private static final Set<String> USER_FIELDS = Set.of("id", "name", "role");

    private final UserService users;
    private final RoleService roles;
    private final InputValidator inputs;

    UsersApi(UserService users, RoleService roles, InputValidator inputs) {
        this.users = users;
        this.roles = roles;
        this.inputs = inputs;
    }

    @PostMapping
    Wire.Users upsert(@RequestBody(required = false) byte[] body) {
        Map<String, JsonBody> given = JsonBody.parse(body).only(Set.of("users")).required("users").entries();
        if (given.size() > MAX_USERS) {
            throw new InvalidInputException("users", "users may hold at most " + MAX_USERS + " users per request");
        }
        List<UserService.UserForm> forms = new ArrayList<>();
        for (Map.Entry<String, JsonBody> entry : given.entrySet()) {
            forms.add(form(entry.getKey(), entry.getValue().object().only(USER_FIELDS)));
        }
        Map<String, Wire.User> out = new LinkedHashMap<>();
        for (UserInfo user : users.upsert(Actor.api(), forms)) {
            out.put(user.id(), new Wire.User(user.id(), user.displayName(), user.role()));
        }
        return new Wire.Users(out);
    }

    /**
     * Reads one user, fills what an existing user keeps, and checks it against the constraints of
     * {@link UserService.UserForm}, naming a refused field by its path in the request.
     */
    private UserService.UserForm form(String key, JsonBody user) {
        String path = user.path();
        String id = user.field("id").map(JsonBody::string).orElse(key);
        if (!id.equals(key)) {
            throw new InvalidInputException(path + ".id", path + ".id is " + id + " but the user is listed as " + key);
        }
        Optional<UserInfo> existing = users.find(id);
        String name = user.field("name").map(JsonBody::string).orElse(existing.map(UserInfo::displayName).orElse(id));
        String role = user.field("role").map(JsonBody::string).or(() -> existing.map(UserInfo::role))
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
