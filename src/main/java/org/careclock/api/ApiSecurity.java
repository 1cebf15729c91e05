package org.careclock.api;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.careclock.base.Actor;
import org.springframework.http.HttpStatus;
import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.core.authority.AuthorityUtils;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.server.resource.web.BearerTokenResolver;
import org.springframework.security.oauth2.server.resource.web.authentication.BearerTokenAuthenticationFilter;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.access.AccessDeniedHandler;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

import java.io.IOException;
import java.time.Clock;

/**
 * How a request to the API authenticates, on Spring Security: the {@code api_key} query parameter
 * must be the API key ({@link KeyFilter}), and the {@code Authorization} header a server token
 * that the resource server checks with {@link ServerTokenDecoder} (sent raw, as the SDK does, or
 * after "Bearer "). A request that passes is a {@link ServerAuthentication}, whose principal is
 * the server identity {@link Actor#api()}; the endpoints take it with {@code @AuthenticationPrincipal}.
 * Every refusal answers the wire's error body with its code (2 key, 5 token, 40 expired, 41 not
 * yet valid, 43 signature).
 */
@Component
public class ApiSecurity {

    static final String KEY_PARAMETER = "api_key";
    static final String SERVER_AUTHORITY = "ROLE_API_SERVER";

    private final ApiCredentials credentials;
    private final ServerTokenDecoder tokens;

    ApiSecurity(ApiCredentials credentials, Clock clock) {
        this.credentials = credentials;
        this.tokens = new ServerTokenDecoder(credentials::secret, clock);
    }

    /** Puts the API's authentication into {@code http}, the chain of the requests under /api. */
    public HttpSecurity configure(HttpSecurity http) throws Exception {
        AuthenticationEntryPoint refused = ApiSecurity::refuse;
        AccessDeniedHandler denied = (request, response, e) -> ApiRejections.write(response, HttpStatus.FORBIDDEN,
                ErrorCodes.NOT_ALLOWED, "This request is not allowed");
        return http
                .addFilterBefore(new KeyFilter(credentials, refused), BearerTokenAuthenticationFilter.class)
                .oauth2ResourceServer(o -> o
                        .bearerTokenResolver(new RawOrBearer())
                        .authenticationEntryPoint(refused)
                        .accessDeniedHandler(denied)
                        .jwt(j -> j.decoder(tokens).jwtAuthenticationConverter(ServerAuthentication::new)))
                .exceptionHandling(e -> e.authenticationEntryPoint(refused).accessDeniedHandler(denied))
                .authorizeHttpRequests(a -> a.anyRequest().hasAuthority(SERVER_AUTHORITY));
    }

    /** The wire's error for a refused credential; a request without a token gets code 5. */
    private static void refuse(HttpServletRequest request, HttpServletResponse response, AuthenticationException e)
            throws IOException {
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
            if (cause instanceof KeyRefused key) {
                ApiRejections.write(response, HttpStatus.UNAUTHORIZED, ErrorCodes.ACCESS_KEY, key.getMessage());
                return;
            }
            if (cause instanceof ServerTokenDecoder.Refused token) {
                ApiRejections.write(response, HttpStatus.UNAUTHORIZED, token.code(), token.getMessage());
                return;
            }
        }
        ApiRejections.write(response, HttpStatus.UNAUTHORIZED, ErrorCodes.AUTHENTICATION,
                "The Authorization header must hold a server token (a JWT signed with the API secret)");
    }

    /** Refuses, before the token is looked at, a request whose api_key is missing or not this server's. */
    static final class KeyFilter extends OncePerRequestFilter {

        private final ApiCredentials credentials;
        private final AuthenticationEntryPoint refused;

        KeyFilter(ApiCredentials credentials, AuthenticationEntryPoint refused) {
            this.credentials = credentials;
            this.refused = refused;
        }

        @Override
        protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
                throws ServletException, IOException {
            String key = request.getParameter(KEY_PARAMETER);
            if (key == null || key.isBlank()) {
                refused.commence(request, response, new KeyRefused("The api_key query parameter is required"));
            } else if (!credentials.keyMatches(key)) {
                refused.commence(request, response, new KeyRefused("api_key is not this server's API key"));
            } else {
                chain.doFilter(request, response);
            }
        }
    }

    /** A missing or wrong API key. */
    static final class KeyRefused extends AuthenticationException {

        KeyRefused(String message) {
            super(message);
        }
    }

    /** The token of the Authorization header: raw, as the SDK sends it, or after "Bearer ". */
    static final class RawOrBearer implements BearerTokenResolver {

        @Override
        public String resolve(HttpServletRequest request) {
            String header = request.getHeader("Authorization");
            if (header == null || header.isBlank()) {
                return null;
            }
            String token = header.strip();
            if (token.regionMatches(true, 0, "Bearer ", 0, 7)) {
                token = token.substring(7).strip();
            }
            return token.isEmpty() ? "-" : token;
        }
    }

    /** An API request that presented the key and a valid server token: it acts as {@link Actor#api()}. */
    static final class ServerAuthentication extends AbstractAuthenticationToken {

        private final transient Jwt token;

        ServerAuthentication(Jwt token) {
            super(AuthorityUtils.createAuthorityList(SERVER_AUTHORITY));
            this.token = token;
            setAuthenticated(true);
        }

        @Override
        public Object getCredentials() {
            return token;
        }

        @Override
        public Actor getPrincipal() {
            return Actor.api();
        }

        @Override
        public String getName() {
            return Actor.api().label();
        }
    }
}
