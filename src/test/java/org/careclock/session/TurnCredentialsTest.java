package org.careclock.session;

import org.junit.jupiter.api.Test;

import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;

/** coturn's use-auth-secret scheme: username "expiry:user", password base64(HMAC-SHA1(secret, username)). */
class TurnCredentialsTest {

    @Test
    void credentials_match_an_independent_computation_of_the_scheme() {
        // Computed apart from this code: base64(hmac_sha1("north-wing-secret", "1772442000:dr-lecter")).
        TurnCredentials credentials = TurnCredentials.mint("north-wing-secret", "dr-lecter",
                Instant.ofEpochSecond(1_772_442_000L));
        assertThat(credentials.username()).isEqualTo("1772442000:dr-lecter");
        assertThat(credentials.password()).isEqualTo("c1Gk1xRyvkL1Va4TSydDVoL+kCI=");
    }

    @Test
    void another_secret_or_expiry_gives_another_password() {
        Instant expiry = Instant.ofEpochSecond(1_772_442_000L);
        String password = TurnCredentials.mint("north-wing-secret", "bill", expiry).password();
        assertThat(TurnCredentials.mint("south-wing-secret", "bill", expiry).password()).isNotEqualTo(password);
        assertThat(TurnCredentials.mint("north-wing-secret", "bill", expiry.plusSeconds(1)).password()).isNotEqualTo(password);
    }
}
