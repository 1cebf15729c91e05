package org.careclock.session.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import org.careclock.base.ui.BrowserTime;
import org.careclock.base.ui.Countdown;
import org.careclock.base.ui.Durations;

import java.time.Instant;
import java.time.ZoneId;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.IntConsumer;
import java.util.function.Supplier;

/**
 * The call's shared time: the countdown, when it ends, and the threshold alert under it. It
 * stays in view over the video (the page's layout keeps it so on every width).
 */
class ClockPanel extends Div {

    private final Countdown countdown;
    private final Span caption = new Span();
    private final Div alertSlot = new Div();
    private final Set<String> dismissed = new HashSet<>();
    private Instant endsAt;
    private ZoneId zone = ZoneId.systemDefault();

    ClockPanel(Supplier<Instant> serverClock) {
        countdown = new Countdown(serverClock);
        countdown.setId("countdown");
        caption.addClassName("clock-caption");
        Div clock = new Div(countdown, caption);
        clock.addClassName("clock-panel");
        alertSlot.addClassName("alert-slot");
        addClassName("call-status");
        add(clock, alertSlot);
    }

    /** Amber from the largest threshold, red from the smallest. */
    void setThresholds(List<Integer> thresholds) {
        countdown.setLevels(thresholds.isEmpty() ? 0 : thresholds.getFirst(), thresholds.isEmpty() ? 0 : thresholds.getLast());
    }

    /** Shows the deadline (null: no limit) as the server sees it at {@code serverNow}. */
    void show(Instant deadline, Instant serverNow) {
        endsAt = deadline;
        countdown.show(deadline, serverNow);
        updateCaption();
    }

    void setZone(ZoneId zone) {
        this.zone = zone;
        updateCaption();
    }

    /**
     * Shows "less than … remaining" for a threshold of a deadline, once: a dismissed alert stays
     * dismissed. With {@code extend}, the alert offers the extension steps.
     */
    void alert(int thresholdSeconds, Instant deadline, List<Integer> steps, IntConsumer extend) {
        String key = thresholdSeconds + "@" + deadline;
        if (dismissed.contains(key)) {
            return;
        }
        alertSlot.removeAll();
        Div alert = new Div();
        alert.setId("session-alert");
        alert.addClassName("session-alert");
        alert.getElement().setAttribute("role", "alert");
        alert.getElement().setAttribute("data-threshold", String.valueOf(thresholdSeconds));
        Span text = new Span("Less than " + Durations.spoken(thresholdSeconds) + " remaining");
        text.addClassName("alert-text");
        alert.add(VaadinIcon.ALARM.create(), text);
        if (extend != null) {
            for (int seconds : steps) {
                Button offer = new Button("Extend " + Durations.extension(seconds), e -> extend.accept(seconds));
                offer.addThemeVariants(ButtonVariant.LUMO_SMALL, ButtonVariant.LUMO_PRIMARY);
                alert.add(offer);
            }
        }
        Button dismiss = new Button("Dismiss", e -> {
            dismissed.add(key);
            alertSlot.removeAll();
        });
        dismiss.setId("dismiss-alert");
        dismiss.addThemeVariants(ButtonVariant.LUMO_SMALL, ButtonVariant.LUMO_TERTIARY);
        alert.add(dismiss);
        alertSlot.add(alert);
    }

    void clearAlert() {
        alertSlot.removeAll();
    }

    private void updateCaption() {
        caption.setText(endsAt == null ? "This appointment has no time limit"
                : "Time remaining · ends at " + BrowserTime.time(endsAt, zone));
    }
}
