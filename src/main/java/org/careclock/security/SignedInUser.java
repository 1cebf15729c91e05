package org.careclock.security;

import com.vaadin.flow.spring.security.AuthenticationContext;
import org.careclock.base.Actor;
import org.careclock.base.CurrentUser;
import org.careclock.user.UserService;
import org.springframework.stereotype.Component;

/** The signed-in user as an {@link Actor}, read fresh from the database (role changes apply at once). */
@Component
class SignedInUser implements CurrentUser {

    private final AuthenticationContext authentication;
    private final UserService users;

    SignedInUser(AuthenticationContext authentication, UserService users) {
        this.authentication = authentication;
        this.users = users;
    }

    @Override
    public Actor actor() {
        String name = authentication.getPrincipalName()
                .orElseThrow(() -> new IllegalStateException("No user is signed in"));
        return users.find(name)
                .map(u -> Actor.user(u.id(), u.role()))
                .orElseThrow(() -> new IllegalStateException("The signed-in user no longer exists"));
    }

    @Override
    public String displayName() {
        return authentication.getPrincipalName().map(users::displayName).orElse("");
    }

    @Override
    public boolean signedIn() {
        return authentication.isAuthenticated();
    }

    @Override
    public void signOut() {
        authentication.logout();
    }
}
