package org.careclock.base.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.Tag;
import com.vaadin.flow.component.dependency.JsModule;

import java.time.Instant;
import java.util.function.Supplier;

/**
 * The ticking countdown to a server deadline. The browser renders each second from the deadline
 * and the server's "now" sent with it; the server only pushes when the deadline changes.
 */
@Tag("careclock-countdown")
@JsModule("./src/careclock-countdown.js")
public class Countdown extends Component {

    /** {@code serverClock} answers the server's "now" when the page asks for it again (see the component). */
    public Countdown(Supplier<Instant> serverClock) {
        getElement().addEventListener("careclock-resync", e -> anchor(serverClock.get()));
        // The element's own words, in the page's language.
        getElement().setAttribute("aria-label", getTranslation("countdown.label"));
        getElement().setAttribute("data-no-limit-text", getTranslation("countdown.no-limit"));
    }

    /** Shows the time left until {@code endsAt} (null: no time limit), anchored to the server's {@code now}. */
    public void show(Instant endsAt, Instant now) {
        if (endsAt == null) {
            getElement().removeAttribute("data-ends-at");
        } else {
            getElement().setAttribute("data-ends-at", String.valueOf(endsAt.toEpochMilli()));
        }
        anchor(now);
    }

    private void anchor(Instant now) {
        getElement().setAttribute("data-server-now", String.valueOf(now.toEpochMilli()));
    }

    /** Seconds left at which the colour turns amber, and red. */
    public void setLevels(int warnSeconds, int dangerSeconds) {
        getElement().setAttribute("data-warn-at", String.valueOf(warnSeconds));
        getElement().setAttribute("data-danger-at", String.valueOf(dangerSeconds));
    }

    /** The deadline shown, in epoch milliseconds, or null. */
    public Long endsAtMillis() {
        String value = getElement().getAttribute("data-ends-at");
        return value == null ? null : Long.valueOf(value);
    }
}
