package org.careclock.session.ui;

import com.vaadin.flow.component.ClientCallable;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.Tag;
import com.vaadin.flow.component.dependency.JsModule;
import org.careclock.base.Refusal;
import org.careclock.base.ui.Translations;
import org.careclock.session.Attendance;
import org.careclock.session.MediaService;
import org.careclock.session.Peer;
import org.careclock.session.SessionEvent;
import org.careclock.session.SignalKind;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.json.JsonMapper;

import java.util.List;

/**
 * The call's audio and video on this page: the {@code <careclock-media>} web component does the
 * WebRTC work in the browser; this side hands it the page's ICE setup and roster, relays its
 * signalling through {@link MediaService} (which checks every message) and tells it to stop —
 * at the end, on leaving, or when the page goes away (the component stops itself then too).
 */
@Tag("careclock-media")
@JsModule("./src/careclock-media.js")
class MediaPanel extends Component {

    private static final Logger log = LoggerFactory.getLogger(MediaPanel.class);
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final MediaService media;
    private Attendance attendance;

    MediaPanel(MediaService media) {
        this.media = media;
        setId("media");
        // The element's words, in the page's language (it fills in names itself).
        getElement().setAttribute("data-texts", JSON.writeValueAsString(Translations.all(Translations.current(), "media.")));
    }

    /** Starts this page's media in the call it attends (only after a successful join). */
    void start(Attendance attendance) {
        this.attendance = attendance;
        getElement().callJsFunction("start", JSON.writeValueAsString(media.setup(attendance)),
                JSON.writeValueAsString(media.peers(attendance.cid())));
    }

    /**
     * A device check before the call is live (the waiting room): the self view, a microphone
     * level and the choice of devices, for what the role may send; no connection to anyone.
     */
    void preview(java.util.Set<org.careclock.calltype.Capability> capabilities) {
        getElement().callJsFunction("preview", JSON.writeValueAsString(java.util.Map.of(
                "mayAudio", capabilities.contains(org.careclock.calltype.Capability.SEND_AUDIO),
                "mayVideo", capabilities.contains(org.careclock.calltype.Capability.SEND_VIDEO))));
    }

    /** Takes the call's media events: the roster, and signals addressed to this page. */
    void apply(SessionEvent event) {
        if (attendance == null) {
            return;
        }
        switch (event) {
            // The roster as it is now, not as the event saw it: an event published before this page
            // joined can be delivered after the page started with the newer roster, and would take
            // away a peer that is there (its connection closed and made again while the peer keeps
            // the old one, so the two never connect).
            case SessionEvent.PeersChanged e -> peers(media.peers(attendance.cid()));
            case SessionEvent.SignalRelayed e -> {
                if (e.toPage() == attendance.token()) {
                    getElement().callJsFunction("signal", e.fromPage(), e.kind().name(), e.payload());
                }
            }
            default -> {
            }
        }
    }

    /**
     * Closes every connection and stops every local track now. The same push often takes the
     * element off the page (the end, leaving): then the element stops itself as it goes.
     */
    void stop() {
        attendance = null;
        getUI().ifPresent(ui -> ui.getPage().executeJs("if ($0) { $0.stop(); }", getElement()));
    }

    private void peers(List<Peer> peers) {
        getElement().callJsFunction("peers", JSON.writeValueAsString(peers));
    }

    @ClientCallable
    void sendSignal(double toPage, String kind, String payload) {
        Attendance from = attendance;
        if (from == null || kind == null) {
            return;
        }
        try {
            media.signal(from, (long) toPage, SignalKind.valueOf(kind), payload);
        } catch (IllegalArgumentException | Refusal refused) {
            // Refused and logged by the service (a peer that just left, an ended call); the page goes on.
            log.debug("Signal from {} not relayed: {}", from, refused.getMessage());
        }
    }

    @ClientCallable
    void switched(boolean audio, boolean video) {
        Attendance from = attendance;
        if (from != null) {
            try {
                media.switchMedia(from, audio, video);
            } catch (Refusal refused) {
                log.debug("Media switch of {} ignored: {}", from, refused.getMessage());
            }
        }
    }
}
