package org.careclock.api;

import org.junit.jupiter.api.Test;

import java.time.Clock;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Configured credentials are checked at start-up, so a half or weak configuration fails early and clearly. */
class ApiCredentialsTest {

    private static ApiCredentials configured(String key, String secret) {
        return new ApiCredentials(new ApiProperties(key, secret), null, null, Clock.systemUTC());
    }

    @Test
    void key_without_secret_is_refused_at_start() {
        assertThatThrownBy(() -> configured("my-key", ""))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("both");
        assertThatThrownBy(() -> configured(null, "s".repeat(40)))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("both");
    }

    @Test
    void short_secret_is_refused_at_start() {
        assertThatThrownBy(() -> configured("my-key", "s".repeat(ApiCredentials.SECRET_MIN - 1)))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("at least " + ApiCredentials.SECRET_MIN);
    }

    @Test
    void full_configuration_is_accepted_and_used() {
        assertThatCode(() -> configured("my-key", "s".repeat(ApiCredentials.SECRET_MIN))).doesNotThrowAnyException();
        ApiCredentials credentials = configured("my-key", "s".repeat(ApiCredentials.SECRET_MIN));
        org.assertj.core.api.Assertions.assertThat(credentials.keyMatches("my-key")).isTrue();
        org.assertj.core.api.Assertions.assertThat(credentials.keyMatches("my-kez")).isFalse();
        org.assertj.core.api.Assertions.assertThat(credentials.keyMatches(null)).isFalse();
    }
}
