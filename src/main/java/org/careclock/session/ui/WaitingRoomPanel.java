package org.careclock.session.ui;

import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import org.careclock.base.ui.BrowserTime;
import org.careclock.session.Waiting;

import java.time.Instant;
import java.time.ZoneId;
import java.util.List;

/**
 * What a member waits in before the call is live: who they wait for and whether that person
 * knows they are here, or — before the call opens — when it opens. The device check (self view,
 * microphone level, device choice) sits beside it in the page's media panel.
 */
class WaitingRoomPanel extends Div {

    private final List<String> hosts;
    private final Paragraph status = new Paragraph();
    private final String userId;

    /** Waiting now. */
    WaitingRoomPanel(List<String> hosts, String userId) {
        this.hosts = hosts;
        this.userId = userId;
        setId("waiting-room");
        addClassName("waiting-room");
        getElement().setAttribute("role", "status");
        H3 title = new H3(getTranslation("waiting.title"));
        status.addClassName("waiting-status");
        add(VaadinIcon.HOURGLASS.create(), title, new Paragraph(getTranslation("waiting.text", names())), status,
                new Paragraph(getTranslation("waiting.device-check")));
        noticed(false);
    }

    /** Not open yet: it opens at {@code opensAt}. */
    WaitingRoomPanel(List<String> hosts, Instant opensAt, ZoneId zone) {
        this.hosts = hosts;
        this.userId = null;
        setId("waiting-room");
        addClassName("waiting-room");
        getElement().setAttribute("data-opens-at", String.valueOf(opensAt.toEpochMilli()));
        H3 title = new H3(getTranslation("waiting.not-open"));
        Span when = new Span(BrowserTime.dateTime(opensAt, zone));
        when.addClassName("opens-at");
        add(VaadinIcon.CLOCK.create(), title, new Paragraph(new Span(getTranslation("waiting.opens-at") + " "), when,
                new Span(getTranslation("waiting.come-back", names()))));
    }

    /** The waiting list changed: does a host know this member is here? */
    void update(List<Waiting> waiting) {
        noticed(waiting.stream().anyMatch(w -> w.userId().equals(userId) && w.noticed()));
    }

    /** Whether someone who may start the call has seen this member waiting. */
    void noticed(boolean noticed) {
        status.setText(getTranslation(noticed ? "waiting.noticed" : "waiting.not-noticed", names(), hosts.size()));
        getElement().setAttribute("data-noticed", String.valueOf(noticed));
    }

    private String names() {
        return hosts.isEmpty() ? getTranslation("waiting.clinician")
                : String.join(" " + getTranslation("waiting.or") + " ", hosts);
    }
}
