package org.careclock.api;

import org.careclock.base.RefusedException;
import org.careclock.base.Actor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;

/**
 * The API key and secret: from configuration when set, otherwise a pair generated at the first
 * start and stored in the database. Administrators see them on the "API access" page; the log
 * says where to find them and never prints the secret. No fixed secret ships with CareClock.
 */
@Service
@Order(0)
public class ApiCredentials implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(ApiCredentials.class);

    public static final int SECRET_MIN = 32;
    static final int KEY_LENGTH = 16;
    static final int SECRET_LENGTH = 64;
    private static final String KEY_ALPHABET = "abcdefghijklmnopqrstuvwxyz0123456789";
    private static final String SECRET_ALPHABET = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";

    private final ApiProperties properties;
    private final ApiCredentialRepository stored;
    private final TransactionTemplate transactions;
    private final Clock clock;
    private final SecureRandom random = new SecureRandom();
    private volatile Pair current;

    /** What the API checks requests against. */
    record Pair(String key, byte[] secret, boolean generated, Instant createdAt) {

        @Override
        public String toString() {
            return "Pair[key=" + key + ", secret=(hidden), generated=" + generated + ", createdAt=" + createdAt + "]";
        }
    }

    /**
     * What an administrator sees: the key, the secret when it was generated (a configured
     * secret stays where it was configured), and where the pair comes from.
     */
    public record Access(String key, String generatedSecret, boolean generated, Instant createdAt) {

        @Override
        public String toString() {
            return "Access[key=" + key + ", generatedSecret=" + (generatedSecret == null ? "none" : "(hidden)")
                    + ", generated=" + generated + ", createdAt=" + createdAt + "]";
        }
    }

    ApiCredentials(ApiProperties properties, ApiCredentialRepository stored, TransactionTemplate transactions,
                   Clock clock) {
        this.properties = properties;
        this.stored = stored;
        this.transactions = transactions;
        this.clock = clock;
        if (properties.configured()) {
            check(properties);
        }
    }

    private static void check(ApiProperties p) {
        if (p.key() == null || p.key().isBlank() || p.secret() == null || p.secret().isBlank()) {
            throw new IllegalStateException("Set both careclock.api.key and careclock.api.secret "
                    + "(CARECLOCK_API_KEY, CARECLOCK_API_SECRET), or neither to have them generated");
        }
        if (p.key().strip().length() > 64) {
            throw new IllegalStateException("careclock.api.key may have at most 64 characters");
        }
        if (p.secret().strip().length() < SECRET_MIN) {
            throw new IllegalStateException("careclock.api.secret (CARECLOCK_API_SECRET) must have at least "
                    + SECRET_MIN + " characters");
        }
    }

    /** Resolves the pair at start-up, so a generated one is printed before the first request. */
    @Override
    public void run(ApplicationArguments args) {
        pair();
    }

    /** The pair for administrators. */
    public Access access(Actor actor) {
        if (actor == null || !actor.isAdmin()) {
            throw new RefusedException("Only administrators may see the API credentials");
        }
        Pair p = pair();
        return new Access(p.key(), p.generated() ? new String(p.secret(), StandardCharsets.UTF_8) : null,
                p.generated(), p.createdAt());
    }

    /** Whether {@code key} is the API key, compared in constant time. */
    boolean keyMatches(String key) {
        return key != null && MessageDigest.isEqual(pair().key().getBytes(StandardCharsets.UTF_8),
                key.getBytes(StandardCharsets.UTF_8));
    }

    byte[] secret() {
        return pair().secret().clone();
    }

    Pair pair() {
        Pair p = current;
        if (p == null) {
            synchronized (this) {
                if (current == null) {
                    current = resolve();
                }
                p = current;
            }
        }
        return p;
    }

    private Pair resolve() {
        if (properties.configured()) {
            log.info("Server-side API: key and secret from configuration (key {})", properties.key().strip());
            return new Pair(properties.key().strip(), properties.secret().strip().getBytes(StandardCharsets.UTF_8),
                    false, null);
        }
        ApiCredential existing = transactions.execute(s -> stored.findById(ApiCredential.SINGLE_ROW).orElse(null));
        if (existing != null) {
            log.info("Server-side API: using the stored generated credentials (key {}); administrators find them "
                    + "under Administration > API access", existing.apiKey());
            return toPair(existing);
        }
        ApiCredential fresh = new ApiCredential(randomText(KEY_ALPHABET, KEY_LENGTH),
                randomText(SECRET_ALPHABET, SECRET_LENGTH), clock.instant());
        try {
            transactions.executeWithoutResult(s -> stored.saveAndFlush(fresh));
        } catch (DataIntegrityViolationException e) {
            // Another node generated a pair at the same moment: use theirs.
            ApiCredential theirs = transactions.execute(s -> stored.findById(ApiCredential.SINGLE_ROW).orElseThrow());
            return toPair(theirs);
        }
        log.warn("Server-side API credentials were generated and stored (key {}); an administrator finds the key "
                + "and the secret under Administration > API access. Set CARECLOCK_API_KEY and CARECLOCK_API_SECRET "
                + "to use your own instead.", fresh.apiKey());
        return toPair(fresh);
    }

    private static Pair toPair(ApiCredential c) {
        return new Pair(c.apiKey(), c.apiSecret().getBytes(StandardCharsets.UTF_8), true, c.createdAt());
    }

    private String randomText(String alphabet, int length) {
        StringBuilder out = new StringBuilder(length);
        for (int i = 0; i < length; i++) {
            out.append(alphabet.charAt(random.nextInt(alphabet.length())));
        }
        return out.toString();
    }
}
