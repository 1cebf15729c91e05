package org.careclock.api;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.HandlerInterceptor;

import java.time.Clock;

/**
 * Authenticates every API request before its handler runs: the {@code api_key} query parameter
 * must be the API key, and the {@code Authorization} header a server token signed with the API
 * secret (sent raw, as the SDK does, or after "Bearer "). A request that passes acts as the
 * server identity ({@link org.careclock.base.Actor#api()}).
 */
@Component
class ApiAuthentication implements HandlerInterceptor {

    static final String KEY_PARAMETER = "api_key";

    private final ApiCredentials credentials;
    private final Clock clock;

    ApiAuthentication(ApiCredentials credentials, Clock clock) {
        this.credentials = credentials;
        this.clock = clock;
    }

    @Override
    public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) {
        String key = request.getParameter(KEY_PARAMETER);
        if (key == null || key.isBlank()) {
            throw ApiException.unauthenticated(ErrorCodes.ACCESS_KEY, "The api_key query parameter is required");
        }
        if (!credentials.keyMatches(key)) {
            throw ApiException.unauthenticated(ErrorCodes.ACCESS_KEY, "api_key is not this server's API key");
        }
        ServerTokens.verify(request.getHeader("Authorization"), credentials.secret(), clock.instant());
        return true;
    }
}
