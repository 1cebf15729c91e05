package org.careclock.api;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The server-side API's credentials ({@code CARECLOCK_API_KEY}, {@code CARECLOCK_API_SECRET}).
 * Leave both empty to have CareClock generate a pair at the first start and store it; set both
 * to use your own (the secret needs at least {@value ApiCredentials#SECRET_MIN} characters).
 *
 * @param key    the value clients send as the {@code api_key} query parameter
 * @param secret the HS256 key that signs the clients' tokens
 */
@ConfigurationProperties("careclock.api")
public record ApiProperties(String key, String secret) {

    boolean configured() {
        return key != null && !key.isBlank() || secret != null && !secret.isBlank();
    }

    /** Never the secret: whoever reads it signs API requests as the server. */
    @Override
    public String toString() {
        return "ApiProperties[key=" + key + ", secret=" + (secret == null || secret.isBlank() ? "none" : "(hidden)") + "]";
    }
}
