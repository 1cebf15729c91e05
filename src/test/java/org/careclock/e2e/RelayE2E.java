package org.careclock.e2e;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import java.util.List;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Media through a real TURN relay only: coturn (Debian's {@code turnserver}) on loopback with the
 * shared secret, CareClock minting each page's credentials from it, the browsers told to use
 * relay candidates only. Proves the credentials work, media flows, and that a relay that goes
 * away and comes back is found again by an ICE restart, without rejoining.
 */
class RelayE2E extends BrowserTestBase {

    static final String SECRET = "relay-test-secret-" + Long.toHexString(System.nanoTime());
    static Coturn coturn;

    @DynamicPropertySource
    static void relay(DynamicPropertyRegistry registry) {
        coturn = Coturn.start(SECRET);
        registry.add("careclock.media.ice-servers", () -> "turn:127.0.0.1:" + coturn.port() + "?transport=udp");
        registry.add("careclock.media.turn-secret", () -> SECRET);
        registry.add("careclock.media.relay-only", () -> "true");
    }

    @AfterAll
    static void stopRelay() {
        if (coturn != null) {
            coturn.close();
        }
    }

    @Test
    void media_flows_through_the_relay_with_minted_credentials_and_survives_the_relay_restarting() {
        String type = newCallType(600, List.of(60), List.of(60), 0, 0, 300);
        String id = newCall(type, "Relayed consultation", "dr-lecter", "bill");
        Visitor doctor = visitor("dr-lecter", "dr-lecter", MediaE2E.PROBE).signIn(PASSWORD);
        doctor.openCall(type, id);
        Visitor patient = visitor("bill", "bill", MediaE2E.PROBE).signIn(PASSWORD);
        patient.openCall(type, id);

        assertThat(doctor.byId("remote-video-bill")).hasAttribute("data-peer-state", "connected", MediaE2E.CONNECTED);
        MediaE2E.awaitFlowing(doctor, "video");
        MediaE2E.awaitFlowing(patient, "video");
        MediaE2E.awaitFlowing(patient, "audio");
        for (Visitor v : List.of(doctor, patient)) {
            assertThat(v.page.evaluate("() => window.__media.candidateTypes()")).as(v.userId + "'s selected candidates")
                    .asList().isNotEmpty().allMatch("relay"::equals);
        }
        assertThat(coturn.log()).as("coturn accepted the minted username").contains(":dr-lecter").contains(":bill");
        String page = patient.byId("media").getAttribute("data-page");

        // The relay goes away: the media path is gone; pages say so.
        coturn.stop();
        assertThat(patient.byId("remote-video-dr-lecter")).hasAttribute("data-peer-state", "reconnecting", MediaE2E.CONNECTED);
        // It comes back: an ICE restart finds a new path through it, with the same attendance.
        coturn.restart();
        assertThat(patient.byId("remote-video-dr-lecter")).hasAttribute("data-peer-state", "connected",
                new com.microsoft.playwright.assertions.LocatorAssertions.HasAttributeOptions().setTimeout(45_000));
        assertThat(doctor.byId("remote-video-bill")).hasAttribute("data-peer-state", "connected", MediaE2E.CONNECTED);
        MediaE2E.awaitFlowing(patient, "video");
        MediaE2E.awaitFlowing(doctor, "video");
        assertThat(patient.byId("media").getAttribute("data-page")).as("no rejoin").isEqualTo(page);
        screenshot("relayed", doctor, patient);
    }
}
