package org.careclock.session;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.time.Instant;
import java.util.Base64;

/**
 * Short-lived TURN credentials in coturn's shared-secret scheme ({@code use-auth-secret}): the
 * username is {@code expiry:userId} (expiry in epoch seconds) and the password the Base64 of
 * HMAC-SHA1 over the username with the shared secret. coturn recomputes the password from the
 * username and refuses it after the expiry, so no password is stored or fixed in a page.
 */
public record TurnCredentials(String username, String password) {

    public static TurnCredentials mint(String secret, String userId, Instant expiry) {
        String username = expiry.getEpochSecond() + ":" + userId;
        try {
            Mac mac = Mac.getInstance("HmacSHA1");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA1"));
            byte[] digest = mac.doFinal(username.getBytes(StandardCharsets.UTF_8));
            return new TurnCredentials(username, Base64.getEncoder().encodeToString(digest));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA1 is part of every Java runtime", e);
        }
    }

    /** Never the password: it opens the relay until it expires. */
    @Override
    public String toString() {
        return "TurnCredentials[username=" + username + ", password=(hidden)]";
    }
}
