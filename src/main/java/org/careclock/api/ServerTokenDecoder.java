package org.careclock.api;

import com.nimbusds.jose.Header;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.proc.BadJWSException;
import com.nimbusds.jose.util.Base64URL;
import org.springframework.security.oauth2.core.DelegatingOAuth2TokenValidator;
import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.core.OAuth2TokenValidator;
import org.springframework.security.oauth2.core.OAuth2TokenValidatorResult;
import org.springframework.security.oauth2.jose.jws.MacAlgorithm;
import org.springframework.security.oauth2.jwt.BadJwtException;

import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtClaimNames;
import org.springframework.security.oauth2.jwt.JwtClaimValidator;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtException;
import org.springframework.security.oauth2.jwt.JwtTimestampValidator;
import org.springframework.security.oauth2.jwt.JwtValidationException;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;

import javax.crypto.spec.SecretKeySpec;
import java.text.ParseException;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.function.Supplier;

/**
 * Decodes the server token of an API request: a compact JWT signed with HS256 and the API secret
 * (the resource server's Nimbus decoder, no other algorithm), whose payload says
 * {@code "server": true}; {@code exp} and {@code nbf}, when present, are checked on the
 * application clock without leeway. A refused token is a {@link Refused} with the wire code
 * that tells why (43 signature, 40 expired, 41 not yet valid, 5 anything else).
 */
final class ServerTokenDecoder implements JwtDecoder {

    private static final OAuth2Error NOT_SERVER = new OAuth2Error("not_a_server_token",
            "The token is not a server token: its payload must hold \"server\": true", null);
    private static final OAuth2Error EXPIRED = new OAuth2Error("token_expired", "The token has expired (exp)", null);
    private static final OAuth2Error NOT_YET_VALID = new OAuth2Error("token_not_yet_valid",
            "The token is not valid yet (nbf)", null);
    private static final Map<String, Integer> CODES = Map.of(NOT_SERVER.getErrorCode(), ErrorCodes.AUTHENTICATION,
            EXPIRED.getErrorCode(), ErrorCodes.TOKEN_EXPIRED, NOT_YET_VALID.getErrorCode(), ErrorCodes.TOKEN_NOT_YET_VALID);

    private final Supplier<byte[]> secret;
    private final OAuth2TokenValidator<Jwt> validator;
    private volatile JwtDecoder delegate;

    /** {@code secret} is asked once, at the first token (the generated pair is stored at start-up). */
    ServerTokenDecoder(Supplier<byte[]> secret, Clock clock) {
        this.secret = secret;
        JwtTimestampValidator timestamps = new JwtTimestampValidator(Duration.ZERO);
        timestamps.setClock(clock);
        timestamps.setAllowEmptyExpiryClaim(true);
        timestamps.setAllowEmptyNotBeforeClaim(true);
        this.validator = new DelegatingOAuth2TokenValidator<>(
                refusing(new JwtClaimValidator<>("server", Boolean.TRUE::equals), NOT_SERVER),
                refusing(only(timestamps, JwtClaimNames.EXP, JwtClaimNames.NBF), EXPIRED),
                refusing(only(timestamps, JwtClaimNames.NBF, JwtClaimNames.EXP), NOT_YET_VALID));
    }

    @Override
    public Jwt decode(String token) {
        try {
            return delegate().decode(token);
        } catch (JwtValidationException e) {
            OAuth2Error first = e.getErrors().iterator().next();
            throw new Refused(CODES.getOrDefault(first.getErrorCode(), ErrorCodes.AUTHENTICATION),
                    first.getDescription());
        } catch (JwtException e) {
            throw refusal(token, e);
        }
    }

    private JwtDecoder delegate() {
        JwtDecoder d = delegate;
        if (d == null) {
            NimbusJwtDecoder nimbus = NimbusJwtDecoder.withSecretKey(new SecretKeySpec(secret.get(), "HmacSHA256"))
                    .macAlgorithm(MacAlgorithm.HS256)
                    .build();
            nimbus.setJwtValidator(validator);
            delegate = d = nimbus;
        }
        return d;
    }

    /** Why the decoder refused {@code token}: its form, its algorithm, or its signature. */
    static Refused refusal(String token, JwtException e) {
        String[] parts = token.split("\\.", -1);
        if (parts.length != 3 || parts[0].isEmpty() || parts[1].isEmpty() || parts[2].isEmpty()) {
            return malformed();
        }
        Header header;
        try {
            header = Header.parse(new Base64URL(parts[0]));
        } catch (ParseException notJson) {
            return malformed();
        }
        if (!JWSAlgorithm.HS256.equals(header.getAlgorithm())) {
            return new Refused(ErrorCodes.AUTHENTICATION, "The token must be signed with HS256");
        }
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
            if (cause instanceof BadJWSException) {
                return new Refused(ErrorCodes.TOKEN_SIGNATURE, "The token's signature does not match the API secret");
            }
        }
        return malformed();
    }

    static Refused malformed() {
        return new Refused(ErrorCodes.AUTHENTICATION, "The Authorization header does not hold a well-formed JWT");
    }

    /** {@code check}, answering {@code error} instead of its own when it fails. */
    private static OAuth2TokenValidator<Jwt> refusing(OAuth2TokenValidator<Jwt> check, OAuth2Error error) {
        return jwt -> check.validate(jwt).hasErrors() ? OAuth2TokenValidatorResult.failure(error)
                : OAuth2TokenValidatorResult.success();
    }

    /** {@code timestamps} on {@code claim} alone (without {@code other}), so each refusal says which one failed. */
    private static OAuth2TokenValidator<Jwt> only(JwtTimestampValidator timestamps, String claim, String other) {
        return jwt -> {
            if (!jwt.hasClaim(claim)) {
                return OAuth2TokenValidatorResult.success();
            }
            Jwt alone = Jwt.withTokenValue(jwt.getTokenValue()).headers(h -> h.putAll(jwt.getHeaders()))
                    .claims(c -> {
                        c.putAll(jwt.getClaims());
                        c.remove(other);
                    }).build();
            return timestamps.validate(alone);
        };
    }

    /** A refused token, with the wire code that says why. */
    static final class Refused extends BadJwtException {

        private final int code;

        Refused(int code, String message) {
            super(message);
            this.code = code;
        }

        int code() {
            return code;
        }
    }
}
