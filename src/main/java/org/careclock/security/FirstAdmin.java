package org.careclock.security;

import org.careclock.base.Roles;
import org.careclock.user.UserService;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.stereotype.Component;

/**
 * On a portal without demo data (PostgreSQL), creates the first administrator {@code admin}
 * with the password from {@code careclock.admin.password} (CARECLOCK_ADMIN_PASSWORD) when no
 * such user exists yet. An existing account is never touched.
 */
@Component
class FirstAdmin implements SmartInitializingSingleton {

    private static final Logger log = LoggerFactory.getLogger(FirstAdmin.class);

    private final UserService users;
    private final String password;

    FirstAdmin(UserService users, @Value("${careclock.admin.password:}") String password) {
        this.users = users;
        this.password = password;
    }

    @Override
    public void afterSingletonsInstantiated() {
        if (password.isBlank() || users.exists("admin")) {
            return;
        }
        if (password.length() < UserService.PASSWORD_MIN) {
            log.error("careclock.admin.password must have at least {} characters; no administrator was created",
                    UserService.PASSWORD_MIN);
            return;
        }
        users.provision("admin", "Administrator", Roles.ADMIN, password);
        log.info("Created the first administrator 'admin' from careclock.admin.password");
    }
}
