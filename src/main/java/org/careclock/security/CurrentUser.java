package org.careclock.security;

import com.vaadin.flow.spring.security.AuthenticationContext;
import org.careclock.user.UserService;
import org.springframework.stereotype.Component;

/** The signed-in user as an {@link Actor}, read fresh from the database (role changes apply at once). */
@Component
public class CurrentUser {

    private final AuthenticationContext authentication;
    private final UserService users;

    CurrentUser(AuthenticationContext authentication, UserService users) {
        this.authentication = authentication;
        this.users = users;
    }

    public Actor actor() {
        String name = authentication.getPrincipalName()
                .orElseThrow(() -> new IllegalStateException("No user is signed in"));
        return users.find(name)
                .map(u -> Actor.user(u.id(), u.role()))
                .orElseThrow(() -> new IllegalStateException("The signed-in user no longer exists"));
    }

    public String displayName() {
        return authentication.getPrincipalName().map(users::displayName).orElse("");
    }

    public void signOut() {
        authentication.logout();
    }
}
