package org.careclock.session;

import org.careclock.base.Actor;
import org.careclock.base.RefusedException;
import org.careclock.base.Roles;
import org.careclock.call.CallService;
import org.careclock.call.NewCall;
import org.careclock.calltype.Capability;
import org.careclock.calltype.CallTypeService;
import org.careclock.calltype.CallTypeSettings;
import org.careclock.testing.SpringTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The signalling rules against the real database and event path: who may signal whom, and what. */
class MediaServiceTest extends SpringTest {

    static final String SENDS_BOTH = sdp("sendrecv", "sendrecv");
    static final String RECEIVES_ONLY = sdp("recvonly", "recvonly");

    @Autowired MediaService media;
    @Autowired SessionTimerService timers;
    @Autowired SessionEvents events;
    @Autowired CallService calls;
    @Autowired CallTypeService types;
    @Autowired Runtimes runtimes;
    @Autowired Presence presence;

    Actor doctor;
    Actor patient;
    String type;
    String id;
    String cid;
    final List<SessionEvent.SignalRelayed> relayed = Collections.synchronizedList(new ArrayList<>());

    @BeforeEach
    void setUp() {
        doctor = actor("dr-lecter");
        patient = actor("bill");
        type = freshId("media");
        // The patient may send audio only: no camera.
        types.create(actor("admin"), new CallTypeSettings(type, 3600,
                Map.of(Roles.SPECIALIST, EnumSet.of(Capability.JOIN_CALL, Capability.SEND_AUDIO, Capability.SEND_VIDEO,
                                Capability.END_CALL),
                        Roles.PATIENT, EnumSet.of(Capability.JOIN_CALL, Capability.SEND_AUDIO)),
                List.of(300), List.of(600), 180, 60, 300));
        id = freshId("visit");
        cid = type + ":" + id;
        calls.create(actor("admin"), new NewCall(type, id, null, List.of("dr-lecter", "bill"), "dr-lecter",
                clock.instant(), null));
        events.subscribe(cid, e -> {
            if (e instanceof SessionEvent.SignalRelayed s) {
                relayed.add(s);
            }
        });
    }

    @Test
    void an_offer_between_two_present_media_pages_is_relayed_to_the_one_addressed() {
        Attendance a = timers.join(doctor, type, id, null).attendance();
        Attendance b = timers.join(patient, type, id, null).attendance();
        media.signal(a, b.token(), SignalKind.OFFER, SENDS_BOTH);
        media.signal(b, a.token(), SignalKind.ANSWER, sdp("sendrecv", "recvonly").replace("a=sendrecv", "a=sendrecv"));
        media.signal(a, b.token(), SignalKind.CANDIDATE, "{\"candidate\":\"candidate:1 1 udp 1 192.0.2.2 50000 typ host\"}");
        assertThat(relayed).extracting(SessionEvent.SignalRelayed::kind)
                .containsExactly(SignalKind.OFFER, SignalKind.ANSWER, SignalKind.CANDIDATE);
        assertThat(relayed.getFirst().toPage()).isEqualTo(b.token());
        assertThat(relayed.getFirst().fromUserId()).isEqualTo("dr-lecter");
    }

    @Test
    void a_crafted_offer_that_sends_video_is_refused_for_a_role_without_send_video() {
        Attendance a = timers.join(doctor, type, id, null).attendance();
        Attendance b = timers.join(patient, type, id, null).attendance();
        assertThatThrownBy(() -> media.signal(b, a.token(), SignalKind.OFFER, SENDS_BOTH))
                .isInstanceOf(RefusedException.class).hasMessageContaining("VIDEO");
        assertThatThrownBy(() -> media.signal(b, a.token(), SignalKind.ANSWER, sdp("sendrecv", "sendonly")))
                .isInstanceOf(RefusedException.class);
        media.signal(b, a.token(), SignalKind.OFFER, sdp("sendrecv", "recvonly"));
        assertThat(relayed).as("only the offer that sends audio alone went through").hasSize(1);
    }

    @Test
    void a_role_with_neither_audio_nor_video_may_still_receive() {
        String receiveOnly = freshId("watch");
        types.create(actor("admin"), new CallTypeSettings(receiveOnly, 3600,
                Map.of(Roles.SPECIALIST, EnumSet.of(Capability.JOIN_CALL, Capability.SEND_AUDIO, Capability.SEND_VIDEO),
                        Roles.PATIENT, EnumSet.of(Capability.JOIN_CALL)),
                List.of(300), List.of(600), 180, 60, 300));
        calls.create(actor("admin"), new NewCall(receiveOnly, id, null, List.of("dr-lecter", "bill"), "dr-lecter",
                clock.instant(), null));
        Attendance a = timers.join(doctor, receiveOnly, id, null).attendance();
        Attendance b = timers.join(patient, receiveOnly, id, null).attendance();
        MediaSetup setup = media.setup(b);
        assertThat(setup.mayAudio()).isFalse();
        assertThat(setup.mayVideo()).isFalse();
        media.signal(b, a.token(), SignalKind.ANSWER, RECEIVES_ONLY);
        assertThatThrownBy(() -> media.signal(b, a.token(), SignalKind.ANSWER, sdp("sendrecv", "recvonly")))
                .isInstanceOf(RefusedException.class);
    }

    @Test
    void nobody_signals_to_a_page_that_left_nor_after_the_end() {
        Attendance a = timers.join(doctor, type, id, null).attendance();
        Attendance b = timers.join(patient, type, id, null).attendance();
        timers.leave(b);
        assertThatThrownBy(() -> media.signal(a, b.token(), SignalKind.OFFER, SENDS_BOTH)).isInstanceOf(RefusedException.class);
        assertThatThrownBy(() -> media.signal(b, a.token(), SignalKind.OFFER, RECEIVES_ONLY))
                .as("a page that left may not send").isInstanceOf(RefusedException.class);
        Attendance back = timers.join(patient, type, id, null).attendance();
        timers.end(doctor, type, id);
        assertThatThrownBy(() -> media.signal(a, back.token(), SignalKind.OFFER, SENDS_BOTH)).isInstanceOf(RefusedException.class);
        assertThat(relayed).isEmpty();
    }

    @Test
    void a_page_of_another_call_or_ones_own_page_is_not_a_target() {
        String otherId = freshId("other");
        calls.create(actor("admin"), new NewCall(type, otherId, null, List.of("dr-lecter", "bill"), "dr-lecter",
                clock.instant(), null));
        Attendance a = timers.join(doctor, type, id, null).attendance();
        Attendance elsewhere = timers.join(patient, type, otherId, null).attendance();
        assertThatThrownBy(() -> media.signal(a, elsewhere.token(), SignalKind.OFFER, SENDS_BOTH))
                .isInstanceOf(RefusedException.class);
        assertThatThrownBy(() -> media.signal(a, a.token(), SignalKind.OFFER, SENDS_BOTH)).isInstanceOf(RefusedException.class);
        Attendance forged = new Attendance(a.token(), cid, "bill");
        assertThatThrownBy(() -> media.signal(forged, elsewhere.token(), SignalKind.OFFER, RECEIVES_ONLY))
                .as("an attendance not handed out by the call").isInstanceOf(RefusedException.class);
        assertThat(relayed).isEmpty();
    }

    @Test
    void only_the_newest_page_of_a_user_carries_their_media() {
        Attendance a = timers.join(doctor, type, id, null).attendance();
        Attendance firstTab = timers.join(patient, type, id, null).attendance();
        Attendance secondTab = timers.join(patient, type, id, null).attendance();
        assertThat(media.peers(cid)).extracting(Peer::page).containsExactly(a.token(), secondTab.token());
        assertThatThrownBy(() -> media.signal(a, firstTab.token(), SignalKind.OFFER, SENDS_BOTH))
                .isInstanceOf(RefusedException.class);
        assertThatThrownBy(() -> media.signal(firstTab, a.token(), SignalKind.OFFER, RECEIVES_ONLY))
                .isInstanceOf(RefusedException.class);
        timers.leave(secondTab);
        assertThat(media.peers(cid)).as("the remaining tab takes over").extracting(Peer::page)
                .containsExactly(a.token(), firstTab.token());
        media.signal(a, firstTab.token(), SignalKind.OFFER, SENDS_BOTH);
        assertThat(relayed).hasSize(1);
    }

    @Test
    void a_message_over_the_size_limit_is_refused() {
        Attendance a = timers.join(doctor, type, id, null).attendance();
        Attendance b = timers.join(patient, type, id, null).attendance();
        String big = "x".repeat(64 * 1024 + 1);
        assertThatThrownBy(() -> media.signal(a, b.token(), SignalKind.CANDIDATE, big)).isInstanceOf(RefusedException.class);
        String multiByte = "é".repeat(33 * 1024);
        assertThatThrownBy(() -> media.signal(a, b.token(), SignalKind.CANDIDATE, multiByte))
                .as("the limit counts bytes, not characters").isInstanceOf(RefusedException.class);
        assertThat(relayed).isEmpty();
    }

    @Test
    void a_page_sending_faster_than_its_rate_is_refused_until_its_budget_refills() {
        Attendance a = timers.join(doctor, type, id, null).attendance();
        Attendance b = timers.join(patient, type, id, null).attendance();
        for (int i = 0; i < 200; i++) {
            media.signal(a, b.token(), SignalKind.CANDIDATE, "{}");
        }
        assertThatThrownBy(() -> media.signal(a, b.token(), SignalKind.CANDIDATE, "{}"))
                .isInstanceOf(RefusedException.class).hasMessageContaining("too many");
        scheduler.advance(Duration.ofSeconds(1));
        for (int i = 0; i < 20; i++) {
            media.signal(a, b.token(), SignalKind.CANDIDATE, "{}");
        }
        assertThatThrownBy(() -> media.signal(a, b.token(), SignalKind.CANDIDATE, "{}")).isInstanceOf(RefusedException.class);
        assertThat(relayed).hasSize(220);
    }

    @Test
    void switches_reach_every_page_in_the_roster() {
        Attendance a = timers.join(doctor, type, id, null).attendance();
        timers.join(patient, type, id, null);
        List<SessionEvent.PeersChanged> rosters = Collections.synchronizedList(new ArrayList<>());
        events.subscribe(cid, e -> {
            if (e instanceof SessionEvent.PeersChanged p) {
                rosters.add(p);
            }
        });
        media.switchMedia(a, true, false);
        assertThat(rosters).singleElement().satisfies(r -> assertThat(r.peers())
                .filteredOn(p -> p.userId().equals("dr-lecter")).singleElement()
                .satisfies(p -> {
                    assertThat(p.audio()).isTrue();
                    assertThat(p.video()).isFalse();
                }));
        assertThat(media.peers(cid)).filteredOn(p -> p.userId().equals("bill")).singleElement()
                .satisfies(p -> assertThat(p.video()).as("the patient's role sends no video").isFalse());
    }

    @Test
    void turn_credentials_are_minted_per_page_from_the_shared_secret() {
        Attendance a = timers.join(doctor, type, id, null).attendance();
        MediaService withTurn = new MediaService(runtimes, presence, events,
                new MediaProperties(List.of("stun:turn.clinic.example:3478", "turn:turn.clinic.example:3478?transport=udp"),
                        "north-wing-secret", Duration.ofHours(2), false, 65536, 20, 200), clock);
        MediaSetup setup = withTurn.setup(a);
        assertThat(setup.iceServers()).hasSize(2);
        assertThat(setup.iceServers().getFirst().username()).as("STUN needs no credentials").isNull();
        MediaSetup.IceServer turn = setup.iceServers().get(1);
        long expiry = clock.instant().plus(Duration.ofHours(2)).getEpochSecond();
        assertThat(turn.username()).isEqualTo(expiry + ":dr-lecter");
        assertThat(turn.credential()).isEqualTo(TurnCredentials.mint("north-wing-secret", "dr-lecter",
                clock.instant().plus(Duration.ofHours(2))).password());
    }

    static String sdp(String audioDirection, String videoDirection) {
        return String.join("\r\n", "v=0", "o=- 1 2 IN IP4 127.0.0.1", "s=-", "t=0 0",
                "m=audio 9 UDP/TLS/RTP/SAVPF 111", "a=mid:0", "a=" + audioDirection,
                "m=video 9 UDP/TLS/RTP/SAVPF 96", "a=mid:1", "a=" + videoDirection, "");
    }
}
