package org.careclock.security;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.authentication.LoginUrlAuthenticationEntryPoint;
import org.springframework.stereotype.Component;

import java.io.IOException;

/**
 * What an anonymous visitor meets on an address that needs a signed-in user. Pages every
 * signed-in user may open ({@code @PermitAll}: the appointment list, a call's page) send them
 * to sign in, and back there afterwards; every other address (an administration page, an
 * address nothing serves) answers the "Page not found" page with 404, the same answer for both,
 * so an anonymous visitor learns nothing about which administration pages exist.
 */
@Component
class SignInEntryPoint implements AuthenticationEntryPoint {

    private final AuthenticationEntryPoint signIn = new LoginUrlAuthenticationEntryPoint("/login");

    @Override
    public void commence(HttpServletRequest request, HttpServletResponse response, AuthenticationException e)
            throws IOException, jakarta.servlet.ServletException {
        if (PageAccess.openToEverySignedInUser(request)) {
            signIn.commence(request, response, e);
        } else {
            RefusedAnswers.write(request, 404, response);
        }
    }
}
