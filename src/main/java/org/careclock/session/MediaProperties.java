package org.careclock.session;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import java.time.Duration;
import java.util.List;

/**
 * Audio and video between the browsers of a call.
 *
 * @param iceServers           STUN and TURN addresses given to every page ({@code stun:host:3478},
 *                             {@code turn:host:3478?transport=udp}, {@code turns:host:5349}); none by
 *                             default: on a LAN the browsers' own addresses serve
 * @param turnSecret           the secret shared with coturn ({@code static-auth-secret}); each page gets
 *                             credentials minted from it for the {@code turn:}/{@code turns:} addresses
 * @param credentialLifetime   how long minted TURN credentials stay valid (longer than any call)
 * @param relayOnly            make browsers send media only through TURN (hides their addresses from
 *                             each other; needs a TURN server)
 * @param signalMaxBytes       the largest signalling message a page may send
 * @param signalsPerSecond     signalling messages a page may send per second, on average
 * @param signalBurst          signalling messages a page may send at once (ICE gathering comes in bursts)
 */
@ConfigurationProperties("careclock.media")
public record MediaProperties(
        @DefaultValue List<String> iceServers,
        @DefaultValue("") String turnSecret,
        @DefaultValue("24h") Duration credentialLifetime,
        @DefaultValue("false") boolean relayOnly,
        @DefaultValue("65536") int signalMaxBytes,
        @DefaultValue("20") int signalsPerSecond,
        @DefaultValue("200") int signalBurst) {

    /** Never the TURN secret: whoever reads it mints relay credentials at will. */
    @Override
    public String toString() {
        return "MediaProperties[iceServers=" + iceServers + ", turnSecret=" + (turnSecret.isBlank() ? "none" : "(hidden)")
                + ", credentialLifetime=" + credentialLifetime + ", relayOnly=" + relayOnly + ", signalMaxBytes="
                + signalMaxBytes + ", signalsPerSecond=" + signalsPerSecond + ", signalBurst=" + signalBurst + "]";
    }
}
