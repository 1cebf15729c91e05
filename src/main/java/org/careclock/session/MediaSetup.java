package org.careclock.session;

import java.util.List;

/**
 * What a page needs to take part in a call's media: its own page token, which devices it may
 * open (the role's {@code send-audio} / {@code send-video}), and the ICE servers with TURN
 * credentials minted for it.
 */
public record MediaSetup(long page, String userId, boolean mayAudio, boolean mayVideo, List<IceServer> iceServers,
                         boolean relayOnly) {

    /** One entry of {@code RTCConfiguration.iceServers}; username and credential only for TURN. */
    public record IceServer(String urls, String username, String credential) {

        /** Never the TURN credential. */
        @Override
        public String toString() {
            return "IceServer[urls=" + urls + ", username=" + username + ", credential="
                    + (credential == null ? "none" : "(hidden)") + "]";
        }
    }
}
