package org.careclock.api;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.Base64;

/** Tokens made as a client makes them, independently of how CareClock checks them. */
final class TestTokens {

    static final String HS256 = "{\"alg\":\"HS256\",\"typ\":\"JWT\"}";

    private TestTokens() {
    }

    /** A server token as the SDK makes it: {@code {"alg":"HS256","typ":"JWT"}.{"server":true}}, signed with {@code secret}. */
    static String server(String secret) {
        return jwt(HS256, "{\"server\":true}", secret);
    }

    /** A compact JWT with the given header and payload, signed with HS256 and {@code secret}. */
    static String jwt(String headerJson, String payloadJson, String secret) {
        return signed(headerJson, payloadJson, secret, "HmacSHA256");
    }

    /** A compact JWT with the given header and payload, signed by {@code mac} (HmacSHA256, HmacSHA512) with {@code secret}. */
    static String signed(String headerJson, String payloadJson, String secret, String mac) {
        Base64.Encoder b64 = Base64.getUrlEncoder().withoutPadding();
        String content = b64.encodeToString(headerJson.getBytes(StandardCharsets.UTF_8)) + "."
                + b64.encodeToString(payloadJson.getBytes(StandardCharsets.UTF_8));
        try {
            Mac signer = Mac.getInstance(mac);
            signer.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), mac));
            return content + "." + b64.encodeToString(signer.doFinal(content.getBytes(StandardCharsets.US_ASCII)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
