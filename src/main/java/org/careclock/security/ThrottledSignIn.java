package org.careclock.security;

import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.authentication.WebAuthenticationDetails;

/**
 * The sign-in form's password check behind {@link SignInThrottle}: a locked account or a
 * waiting address is refused before the password is looked at; a failure is counted, a success
 * forgets the account's failures. Every refusal is the same {@link BadCredentialsException}, so
 * the form shows one message whatever happened.
 */
final class ThrottledSignIn implements AuthenticationProvider {

    private final AuthenticationProvider passwords;
    private final SignInThrottle throttle;

    ThrottledSignIn(AuthenticationProvider passwords, SignInThrottle throttle) {
        this.passwords = passwords;
        this.throttle = throttle;
    }

    @Override
    public Authentication authenticate(Authentication attempt) throws AuthenticationException {
        String account = attempt.getName();
        String address = address(attempt);
        if (!throttle.mayTry(account, address)) {
            throw new BadCredentialsException("Sign-in refused");
        }
        Authentication signedIn;
        try {
            signedIn = passwords.authenticate(attempt);
        } catch (AuthenticationException e) {
            throttle.failed(account, address);
            throw new BadCredentialsException("Sign-in refused");
        }
        throttle.succeeded(account, address);
        return signedIn;
    }

    @Override
    public boolean supports(Class<?> authentication) {
        return UsernamePasswordAuthenticationToken.class.isAssignableFrom(authentication);
    }

    /**
     * The client's address as the server sees it: the proxy's {@code X-Forwarded-For} only when
     * the server trusts the proxy ({@code server.forward-headers-strategy=native} and
     * {@code server.tomcat.remoteip.internal-proxies}); otherwise the connection's own.
     */
    static String address(Authentication attempt) {
        return attempt.getDetails() instanceof WebAuthenticationDetails web && web.getRemoteAddress() != null
                ? web.getRemoteAddress() : "unknown";
    }
}
