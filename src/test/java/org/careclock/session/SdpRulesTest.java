package org.careclock.session;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** What a session description says its sender sends, without Spring or a browser. */
class SdpRulesTest {

    static String sdp(String... lines) {
        return String.join("\r\n", "v=0", "o=- 1 2 IN IP4 127.0.0.1", "s=-", "t=0 0") + "\r\n"
                + String.join("\r\n", lines) + "\r\n";
    }

    @Test
    void sendrecv_and_sendonly_sections_send_their_kind() {
        assertThat(SdpRules.sentKinds(sdp("m=audio 9 UDP/TLS/RTP/SAVPF 111", "a=sendrecv",
                "m=video 9 UDP/TLS/RTP/SAVPF 96", "a=sendonly")))
                .containsExactlyInAnyOrder(SdpRules.Kind.AUDIO, SdpRules.Kind.VIDEO);
    }

    @Test
    void recvonly_and_inactive_sections_send_nothing() {
        assertThat(SdpRules.sentKinds(sdp("m=audio 9 UDP/TLS/RTP/SAVPF 111", "a=recvonly",
                "m=video 9 UDP/TLS/RTP/SAVPF 96", "a=inactive"))).isEmpty();
    }

    @Test
    void a_section_without_direction_sends_as_the_default_says() {
        assertThat(SdpRules.sentKinds(sdp("m=video 9 UDP/TLS/RTP/SAVPF 96"))).containsExactly(SdpRules.Kind.VIDEO);
        String sessionRecvOnly = String.join("\r\n", "v=0", "o=- 1 2 IN IP4 127.0.0.1", "s=-", "t=0 0", "a=recvonly",
                "m=video 9 UDP/TLS/RTP/SAVPF 96", "");
        assertThat(SdpRules.sentKinds(sessionRecvOnly)).as("the session-level direction applies").isEmpty();
    }

    @Test
    void a_rejected_section_sends_nothing() {
        assertThat(SdpRules.sentKinds(sdp("m=video 0 UDP/TLS/RTP/SAVPF 96", "a=sendrecv"))).isEmpty();
    }

    @Test
    void a_data_channel_is_neither_audio_nor_video() {
        assertThat(SdpRules.sentKinds(sdp("m=application 9 UDP/DTLS/SCTP webrtc-datachannel"))).isEmpty();
    }

    @Test
    void only_the_sections_that_send_count() {
        assertThat(SdpRules.sentKinds(sdp("m=audio 9 UDP/TLS/RTP/SAVPF 111", "a=sendrecv",
                "m=video 9 UDP/TLS/RTP/SAVPF 96", "a=recvonly", "m=video 9 UDP/TLS/RTP/SAVPF 96", "a=sendonly")))
                .as("a second video section that sends is caught").containsExactlyInAnyOrder(SdpRules.Kind.AUDIO, SdpRules.Kind.VIDEO);
    }
}
