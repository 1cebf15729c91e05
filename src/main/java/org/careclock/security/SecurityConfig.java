package org.careclock.security;

import com.vaadin.flow.spring.security.RequestUtil;
import com.vaadin.flow.spring.security.VaadinSecurityConfigurer;
import jakarta.servlet.DispatcherType;
import org.careclock.api.ApiSecurity;
import org.careclock.base.Roles;
import org.careclock.security.ui.LoginView;
import org.careclock.user.UserService;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.dao.DaoAuthenticationProvider;
import org.springframework.security.config.ObjectPostProcessor;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configuration.EnableWebSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.access.AccessDeniedHandler;
import org.springframework.security.web.access.ExceptionTranslationFilter;
import org.springframework.security.web.csrf.CsrfFilter;
import org.springframework.security.web.csrf.CsrfToken;
import org.springframework.security.web.csrf.XorCsrfTokenRequestAttributeHandler;
import org.springframework.security.web.header.HeaderWriterFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.security.web.csrf.CsrfTokenRequestHandler;
import java.util.function.Supplier;
import org.springframework.security.web.firewall.RequestRejectedHandler;
import org.springframework.security.web.header.writers.CrossOriginOpenerPolicyHeaderWriter.CrossOriginOpenerPolicy;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter.ReferrerPolicy;
import org.springframework.security.web.util.matcher.RequestMatcher;

import java.util.ArrayList;
import java.util.List;

/**
 * Form sign-in against the users table for the pages; the JSON API under /api has its own
 * stateless chain (its requests authenticate with the API key and a signed token, see
 * {@link ApiSecurity}).
 *
 * <p>Around Vaadin's own configuration the pages' chain adds:
 * <ul>
 * <li>the response headers of {@link PageHeaders} (policy with a nonce, no caching of anything
 *     but static files), {@code nosniff}, a same-origin Referrer-Policy, framing refused, the
 *     Permissions-Policy, and HSTS on answers over TLS;
 * <li>CSRF protection of the sign-in form, which Vaadin's configuration leaves out (Vaadin's
 *     own requests keep their own token); the login form sends the token Vaadin writes into the
 *     page, and a form whose token has expired comes back to the sign-in page with a word;
 * <li>{@link ThrottledSignIn}: failed sign-ins are counted per account and per address;
 * <li>{@link PageAccess}: a page only some roles may open is refused to the others at its
 *     first request; {@link SignInEntryPoint}: an anonymous visitor is sent to sign in only on
 *     pages every signed-in user may open. Every other refusal answers "Page not found" with
 *     404, the answer of an address nothing serves, so nothing reveals which pages exist.
 * </ul>
 */
@Configuration
@EnableWebSecurity
class SecurityConfig {

    private static final Logger log = LoggerFactory.getLogger(SecurityConfig.class);

    /** A hash that matches no password, so an account without one cannot sign in. */
    private static final String NO_PASSWORD = "{noop}\u0000no-password";

    @Bean
    @Order(1)
    SecurityFilterChain apiChain(HttpSecurity http, ApiSecurity api) throws Exception {
        return api.configure(http.securityMatcher("/api/**"))
                .csrf(csrf -> csrf.disable())
                .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .headers(h -> h
                        .contentSecurityPolicy(csp -> csp.policyDirectives(PageHeaders.NOTHING_POLICY))
                        .referrerPolicy(r -> r.policy(ReferrerPolicy.SAME_ORIGIN)))
                .build();
    }

    @Bean
    @Order(2)
    SecurityFilterChain vaadinChain(HttpSecurity http, RequestUtil vaadinRequests, SignInEntryPoint entryPoint)
            throws Exception {
        http.authorizeHttpRequests(a -> a
                .dispatcherTypeMatchers(DispatcherType.ERROR).permitAll()
                .requestMatchers("/error", "/styles.css", "/icons/**", "/favicon.ico", "/actuator/health").permitAll()
                .requestMatchers(PageAccess::forSomeRoles).access(new PageAccess()));
        http.headers(h -> h
                // Before the pages write: Vaadin's pages are served through a forward, whose end
                // the headers filter would only see once the answer is already on its way.
                .withObjectPostProcessor(new ObjectPostProcessor<HeaderWriterFilter>() {
                    @Override
                    public <O extends HeaderWriterFilter> O postProcess(O filter) {
                        filter.setShouldWriteHeadersEagerly(true);
                        return filter;
                    }
                })
                .cacheControl(c -> c.disable())
                .frameOptions(f -> f.deny())
                .referrerPolicy(r -> r.policy(ReferrerPolicy.SAME_ORIGIN))
                .permissionsPolicyHeader(p -> p.policy(PageHeaders.PERMISSIONS_POLICY))
                .crossOriginOpenerPolicy(c -> c.policy(CrossOriginOpenerPolicy.SAME_ORIGIN))
                .addHeaderWriter(PageHeaders.contentSecurityPolicy())
                .addHeaderWriter(PageHeaders.noStore()));
        RequestMatcher protectedPosts = request -> CsrfFilter.DEFAULT_CSRF_MATCHER.matches(request)
                && !vaadinRequests.isFrameworkInternalRequest(request);
        AccessDeniedHandler csrfRefused = (request, response, denied) -> {
            if ("/login".equals(PageHeaders.pathOf(request))) {
                response.sendRedirect(request.getContextPath() + "/login?expired");
            } else {
                RefusedAnswers.write(request, 403, response);
            }
        };
        http.csrf(csrf -> csrf.csrfTokenRequestHandler(new TolerantTokens()).withObjectPostProcessor(new ObjectPostProcessor<CsrfFilter>() {
            @Override
            public <O extends CsrfFilter> O postProcess(O filter) {
                // Vaadin's configuration exempts the sign-in form; this puts it back under protection.
                filter.setRequireCsrfProtectionMatcher(protectedPosts);
                filter.setAccessDeniedHandler(csrfRefused);
                return filter;
            }
        }));
        // A signed-in user refused by an address rule (a page for other roles, an address that is
        // no page) gets "Page not found", like an address nothing serves.
        http.exceptionHandling(e -> e.authenticationEntryPoint(entryPoint)
                .withObjectPostProcessor(new ObjectPostProcessor<ExceptionTranslationFilter>() {
                    @Override
                    public <O extends ExceptionTranslationFilter> O postProcess(O filter) {
                        filter.setAccessDeniedHandler((request, response, denied) -> RefusedAnswers.write(request, 404, response));
                        return filter;
                    }
                }));
        return http.with(VaadinSecurityConfigurer.vaadin(), configurer -> configurer.loginView(LoginView.class)).build();
    }

    /**
     * The form token check of Spring Security, except that a token that is not even well formed
     * (not the encoding a real token has) counts as no token, instead of failing the request.
     */
    static final class TolerantTokens implements CsrfTokenRequestHandler {

        private final XorCsrfTokenRequestAttributeHandler tokens = new XorCsrfTokenRequestAttributeHandler();

        @Override
        public void handle(HttpServletRequest request, HttpServletResponse response, Supplier<CsrfToken> csrfToken) {
            tokens.handle(request, response, csrfToken);
        }

        @Override
        public String resolveCsrfTokenValue(HttpServletRequest request, CsrfToken csrfToken) {
            try {
                return tokens.resolveCsrfTokenValue(request, csrfToken);
            } catch (IllegalArgumentException malformed) {
                return null;
            }
        }
    }

    /** Requests the firewall refuses (an encoded slash, a NUL, a {@code ;}, a {@code %25}…): the friendly page, or the API's JSON. */
    @Bean
    RequestRejectedHandler requestRejectedHandler() {
        return (request, response, rejected) -> {
            log.debug("Refused a malformed request: {}", rejected.getMessage());
            RefusedAnswers.write(request, 400, response);
        };
    }

    @Bean
    PasswordEncoder passwordEncoder() {
        return PasswordEncoderFactories.createDelegatingPasswordEncoder();
    }

    /** Passwords checked against the users table, behind the sign-in throttle. */
    @Bean
    AuthenticationProvider authenticationProvider(UserService users, PasswordEncoder passwordEncoder,
                                                  SignInThrottle throttle) {
        DaoAuthenticationProvider passwords = new DaoAuthenticationProvider(userDetails(users));
        passwords.setPasswordEncoder(passwordEncoder);
        return new ThrottledSignIn(passwords, throttle);
    }

    static UserDetailsService userDetails(UserService users) {
        return username -> users.credentials(username)
                .map(c -> {
                    List<SimpleGrantedAuthority> authorities = new ArrayList<>();
                    authorities.add(new SimpleGrantedAuthority("ROLE_" + Roles.USER_AUTHORITY));
                    if (Roles.ADMIN.equals(c.role())) {
                        authorities.add(new SimpleGrantedAuthority("ROLE_" + Roles.ADMIN_AUTHORITY));
                    }
                    return User.withUsername(c.userId())
                            .password(c.passwordHash() == null ? NO_PASSWORD : c.passwordHash())
                            .disabled(!c.enabled())
                            .authorities(authorities)
                            .build();
                })
                .orElseThrow(() -> new UsernameNotFoundException("No such user"));
    }
}
