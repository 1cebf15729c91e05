package org.careclock.session.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.HasComponents;
import com.vaadin.flow.component.Tag;
import com.vaadin.flow.component.dependency.JsModule;
import com.vaadin.flow.component.html.Span;
import org.careclock.base.ui.BrowserTime;

import java.time.Instant;
import java.time.ZoneId;

/**
 * A Join button that opens by itself at the call's opening time, without the server ticking:
 * {@code <careclock-opens>} anchors the server's "now" to the browser's monotonic clock (as the
 * countdown does), keeps the button disabled and says "opens at …" until then. The call page
 * itself refuses to let anyone in early, whatever the browser does.
 */
@Tag("careclock-opens")
@JsModule("./src/careclock-opens.js")
class OpensAt extends Component implements HasComponents {

    OpensAt(Component button, Instant opensAt, Instant serverNow, ZoneId zone) {
        boolean today = opensAt.atZone(zone).toLocalDate().equals(serverNow.atZone(zone).toLocalDate());
        Span note = new Span(today ? getTranslation("opens.today", BrowserTime.time(opensAt, zone))
                : getTranslation("opens.later", BrowserTime.format("time.day-time", opensAt, zone)));
        note.addClassName("opens-note");
        add(note, button);
        getElement().setAttribute("data-opens-at", String.valueOf(opensAt.toEpochMilli()));
        getElement().setAttribute("data-server-now", String.valueOf(serverNow.toEpochMilli()));
    }
}
