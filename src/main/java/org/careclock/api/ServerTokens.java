package org.careclock.api;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.Base64;

/**
 * Checks the server token of an API request: a compact JWT signed with HS256 and the API secret,
 * whose payload says {@code "server": true}. {@code exp} and {@code nbf}, when present, are
 * honoured. Any other algorithm (including {@code none}) is refused.
 */
final class ServerTokens {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final String HMAC = "HmacSHA256";

    private ServerTokens() {
    }

    /** Throws an authentication error unless {@code authorization} carries a valid server token. */
    static void verify(String authorization, byte[] secret, Instant now) {
        if (authorization == null || authorization.isBlank()) {
            throw ApiException.unauthenticated(ErrorCodes.AUTHENTICATION,
                    "The Authorization header must hold a server token (a JWT signed with the API secret)");
        }
        String token = authorization.strip();
        if (token.regionMatches(true, 0, "Bearer ", 0, 7)) {
            token = token.substring(7).strip();
        }
        String[] parts = token.split("\\.", -1);
        if (parts.length != 3 || parts[0].isEmpty() || parts[1].isEmpty() || parts[2].isEmpty()) {
            throw malformed();
        }
        JsonNode header = decodeJson(parts[0]);
        JsonNode alg = header.get("alg");
        if (alg == null || !alg.isString() || !"HS256".equals(alg.stringValue())) {
            throw ApiException.unauthenticated(ErrorCodes.AUTHENTICATION, "The token must be signed with HS256");
        }
        byte[] expected = sign(parts[0] + "." + parts[1], secret);
        byte[] actual = decode(parts[2]);
        if (!MessageDigest.isEqual(expected, actual)) {
            throw ApiException.unauthenticated(ErrorCodes.TOKEN_SIGNATURE,
                    "The token's signature does not match the API secret");
        }
        JsonNode payload = decodeJson(parts[1]);
        JsonNode server = payload.get("server");
        if (server == null || !server.isBoolean() || !server.booleanValue()) {
            throw ApiException.unauthenticated(ErrorCodes.AUTHENTICATION,
                    "The token is not a server token: its payload must hold \"server\": true");
        }
        long seconds = now.getEpochSecond();
        JsonNode exp = payload.get("exp");
        if (exp != null && (!exp.isNumber() || seconds >= exp.asLong())) {
            throw ApiException.unauthenticated(ErrorCodes.TOKEN_EXPIRED, "The token has expired (exp)");
        }
        JsonNode nbf = payload.get("nbf");
        if (nbf != null && (!nbf.isNumber() || seconds < nbf.asLong())) {
            throw ApiException.unauthenticated(ErrorCodes.TOKEN_NOT_YET_VALID, "The token is not valid yet (nbf)");
        }
    }

    /** A server token as the SDK makes it: {@code {"alg":"HS256","typ":"JWT"}.{"server":true}}, signed. */
    static String create(byte[] secret) {
        Base64.Encoder b64 = Base64.getUrlEncoder().withoutPadding();
        String header = b64.encodeToString("{\"alg\":\"HS256\",\"typ\":\"JWT\"}".getBytes(StandardCharsets.UTF_8));
        String payload = b64.encodeToString("{\"server\":true}".getBytes(StandardCharsets.UTF_8));
        String signed = header + "." + payload;
        return signed + "." + b64.encodeToString(sign(signed, secret));
    }

    private static byte[] sign(String content, byte[] secret) {
        try {
            Mac mac = Mac.getInstance(HMAC);
            mac.init(new SecretKeySpec(secret, HMAC));
            return mac.doFinal(content.getBytes(StandardCharsets.US_ASCII));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HMAC-SHA256 is not available", e);
        }
    }

    private static byte[] decode(String part) {
        try {
            return Base64.getUrlDecoder().decode(part);
        } catch (IllegalArgumentException e) {
            throw malformed();
        }
    }

    private static JsonNode decodeJson(String part) {
        try {
            JsonNode node = JSON.readTree(decode(part));
            if (node == null || !node.isObject()) {
                throw malformed();
            }
            return node;
        } catch (JacksonException e) {
            throw malformed();
        }
    }

    private static ApiException malformed() {
        return ApiException.unauthenticated(ErrorCodes.AUTHENTICATION,
                "The Authorization header does not hold a well-formed JWT");
    }
}
