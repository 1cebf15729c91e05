package org.careclock.session;

import io.github.bucket4j.Bucket;
import io.github.bucket4j.TimeMeter;
import org.careclock.base.RefusedException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * The server's part in a call's audio and video: it never touches media, it checks and relays
 * signalling between the media pages present in one running session, on the call's event path
 * (the one the deadline travels). A message must come from a page present in the call that
 * carries its user's media, go to another such page, fit the size limit and the page's rate,
 * and — for a session description — send no kind of media the sender's role may not send.
 * Anything else is refused and logged, never relayed.
 */
@Service
public class MediaService {

    private static final Logger log = LoggerFactory.getLogger(MediaService.class);

    private final Runtimes runtimes;
    private final Presence presence;
    private final SessionEvents events;
    private final MediaProperties properties;
    private final Clock clock;
    private final TimeMeter meter;

    MediaService(Runtimes runtimes, Presence presence, SessionEvents events, MediaProperties properties, Clock clock) {
        this.runtimes = runtimes;
        this.presence = presence;
        this.events = events;
        this.properties = properties;
        this.clock = clock;
        this.meter = new TimeMeter() {
            @Override
            public long currentTimeNanos() {
                Instant now = clock.instant();
                return now.getEpochSecond() * 1_000_000_000L + now.getNano();
            }

            @Override
            public boolean isWallClockBased() {
                return true;
            }
        };
    }

    /** The page's ICE configuration and what it may send; refused when the page is not in a running call. */
    public MediaSetup setup(Attendance attendance) {
        return onPage(attendance, (rt, page) -> new MediaSetup(attendance.token(), attendance.userId(), page.mayAudio,
                page.mayVideo, iceServers(attendance.userId()), properties.relayOnly()));
    }

    /** The media pages of a call now (empty when no session runs). */
    public List<Peer> peers(String cid) {
        return runtimes.ifPresent(cid, presence::peers).orElse(List.of());
    }

    /** The page switched its microphone or camera on or off; every page of the call hears it. */
    public void switchMedia(Attendance attendance, boolean audioOn, boolean videoOn) {
        onPage(attendance, (rt, page) -> {
            if (page.audioOn != audioOn || page.videoOn != videoOn) {
                page.audioOn = audioOn;
                page.videoOn = videoOn;
                presence.switched(rt, page);
            }
            return null;
        });
    }

    /** Checks a signalling message from {@code from} to the media page {@code toPage} and relays it, or refuses it. */
    public void signal(Attendance from, long toPage, SignalKind kind, String payload) {
        if (kind == null || payload == null) {
            throw refuse(from, "a message without kind or payload");
        }
        if (payload.length() > properties.signalMaxBytes()
                || payload.getBytes(StandardCharsets.UTF_8).length > properties.signalMaxBytes()) {
            throw refuse(from, "a message over " + properties.signalMaxBytes() + " bytes");
        }
        onPage(from, (rt, page) -> {
            if (!rt.isMediaPage(from.token())) {
                throw refuse(from, "a message from a page that does not carry its user's media");
            }
            CallRuntime.Page target = rt.pages.get(toPage);
            if (target == null || !rt.isMediaPage(toPage) || target.attendance.userId().equals(from.userId())) {
                throw refuse(from, "a message to a page that is not another participant's media page");
            }
            if (page.signals == null) {
                page.signals = Bucket.builder()
                        .addLimit(limit -> limit.capacity(properties.signalBurst())
                                .refillGreedy(properties.signalsPerSecond(), Duration.ofSeconds(1)))
                        .withCustomTimePrecision(meter)
                        .build();
            }
            if (!page.signals.tryConsume(1)) {
                boolean first = !page.overRate;
                page.overRate = true;
                RefusedException refused = new RefusedException("The call refused this media message: too many messages");
                if (first) {
                    log.warn("Refused signalling from {} in {} (page {}): more than {} messages a second; "
                            + "further refusals of this page are not logged until it is within its rate again",
                            from.userId(), from.cid(), from.token(), properties.signalsPerSecond());
                }
                throw refused;
            }
            page.overRate = false;
            if (kind != SignalKind.CANDIDATE) {
                Set<SdpRules.Kind> sent = SdpRules.sentKinds(payload);
                Set<SdpRules.Kind> allowed = EnumSet.noneOf(SdpRules.Kind.class);
                if (page.mayAudio) {
                    allowed.add(SdpRules.Kind.AUDIO);
                }
                if (page.mayVideo) {
                    allowed.add(SdpRules.Kind.VIDEO);
                }
                if (!allowed.containsAll(sent)) {
                    throw refuse(from, "a description that sends " + sent + " where the role may send only " + allowed);
                }
            }
            events.publish(new SessionEvent.SignalRelayed(rt.cid, from.token(), from.userId(), toPage, kind, payload));
            return null;
        });
    }

    private List<MediaSetup.IceServer> iceServers(String userId) {
        TurnCredentials credentials = properties.turnSecret().isBlank() ? null
                : TurnCredentials.mint(properties.turnSecret(), userId, clock.instant().plus(properties.credentialLifetime()));
        return properties.iceServers().stream().map(url -> {
            boolean turn = url.startsWith("turn:") || url.startsWith("turns:");
            return turn && credentials != null
                    ? new MediaSetup.IceServer(url, credentials.username(), credentials.password())
                    : new MediaSetup.IceServer(url, null, null);
        }).toList();
    }

    /** Runs {@code action} under the call's lock on the page, refused unless the page is present in a running session. */
    private <T> T onPage(Attendance attendance, PageAction<T> action) {
        return runtimes.ifPresent(attendance.cid(), rt -> {
            CallRuntime.Page page = rt.pages.get(attendance.token());
            if (!rt.running() || page == null || !page.local || !page.attendance.equals(attendance)) {
                throw refuse(attendance, "a page that is not present in a running session");
            }
            return java.util.Optional.ofNullable(action.apply(rt, page));
        }).orElseThrow(() -> refuse(attendance, "a page of a call with no running session")).orElse(null);
    }

    @FunctionalInterface
    private interface PageAction<T> {
        T apply(CallRuntime rt, CallRuntime.Page page);
    }

    private static RefusedException refuse(Attendance from, String what) {
        log.warn("Refused signalling from {} in {} (page {}): {}", from.userId(), from.cid(), from.token(), what);
        return new RefusedException("The call refused this media message: " + what);
    }
}
