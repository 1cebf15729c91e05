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
    private int warnAt;
    private int dangerAt;

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
        warnAt = thresholds.isEmpty() ? 0 : thresholds.getFirst();
        dangerAt = thresholds.isEmpty() ? 0 : thresholds.getLast();
        countdown.setLevels(warnAt, dangerAt);
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
     * Shows "Last …" (one short line) for a threshold of a deadline, once: a dismissed alert
     * stays dismissed. The wording holds for as long as the alert shows (at 02:00 and at 01:10 it
     * is the last 2 minutes), and its colour is the countdown's at that threshold: red from the
     * most urgent one. It offers no extension: the page's own extend buttons are right below.
     */
    void alert(int thresholdSeconds, Instant deadline) {
        String key = thresholdSeconds + "@" + deadline;
        if (dismissed.contains(key)) {
            return;
        }
        alertSlot.removeAll();
        Div alert = new Div();
        alert.setId("session-alert");
        alert.addClassName("session-alert");
        String level = dangerAt > 0 && thresholdSeconds <= dangerAt ? "danger" : "warn";
        alert.addClassName(level);
        alert.getElement().setAttribute("data-level", level);
        // The most urgent threshold interrupts a screen reader (alert); an earlier one waits for a
        // pause (status), so a first warning twenty minutes ahead does not cut into the conversation.
        alert.getElement().setAttribute("role", "danger".equals(level) ? "alert" : "status");
        alert.getElement().setAttribute("data-threshold", String.valueOf(thresholdSeconds));
        Span text = new Span(getTranslation("clock.alert", Durations.spoken(thresholdSeconds)));
        text.addClassName("alert-text");
        alert.add(VaadinIcon.ALARM.create(), text);
        Button dismiss = new Button(VaadinIcon.CLOSE_SMALL.create(), e -> {
            dismissed.add(key);
            alertSlot.removeAll();
        });
        dismiss.setId("dismiss-alert");
        dismiss.setAriaLabel(getTranslation("clock.dismiss"));
        dismiss.setTooltipText(getTranslation("clock.dismiss"));
        dismiss.addThemeVariants(ButtonVariant.LUMO_SMALL, ButtonVariant.LUMO_TERTIARY, ButtonVariant.LUMO_ICON);
        alert.add(dismiss);
        alertSlot.add(alert);
    }

    void clearAlert() {
        alertSlot.removeAll();
    }

    private void updateCaption() {
        caption.setText(endsAt == null ? getTranslation("clock.no-limit")
                : getTranslation("clock.ends-at", BrowserTime.time(endsAt, zone)));
    }
}
