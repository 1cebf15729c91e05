package org.careclock.session.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import org.careclock.base.ui.Durations;
import org.careclock.base.ui.Notifications;
import org.careclock.session.SessionEvent;
import org.careclock.session.TimeRequests;

import java.util.List;
import java.util.function.Function;

/**
 * "Ask for more time" on the call page. A participant who may not extend the call gets one
 * button to ask; while the request is pending it says so, and the answer comes as a notification.
 * A participant who may extend sees each pending request ("Buffalo Bill asks for more time") with
 * the call type's extension steps and "Decline".
 */
class MoreTimePanel extends Div {

    /** What the page does for the panel. */
    interface Actions {
        void ask();

        /** Answers {@code userId}'s request: grant with {@code seconds}, or decline with 0. */
        void answer(String userId, int seconds);
    }

    private final Actions actions;
    private final Function<String, String> names;
    private final Div requests = new Div();
    private String me;
    private boolean mayExtend;
    private List<Integer> steps = List.of();
    private Button askButton;

    MoreTimePanel(Actions actions, Function<String, String> names) {
        this.actions = actions;
        this.names = names;
        addClassName("more-time");
        requests.addClassName("time-requests");
        // Polite: a request should not interrupt what the clinician is saying or reading.
        requests.getElement().setAttribute("aria-live", "polite");
    }

    /**
     * Shows the panel for {@code me}: the ask button when the call has a time limit and they may
     * not extend it, else the {@code pending} requests with the extension steps.
     */
    void show(String me, boolean mayExtend, boolean timed, List<Integer> steps, List<TimeRequests.Request> pending) {
        this.me = me;
        this.mayExtend = mayExtend;
        this.steps = steps;
        removeAll();
        requests.removeAll();
        askButton = null;
        if (mayExtend) {
            add(requests);
            pending.forEach(r -> addRequest(r.userId(), r.displayName()));
        } else if (timed) {
            askButton = new Button(getTranslation("more-time.ask"), VaadinIcon.CLOCK.create(), e -> actions.ask());
            askButton.setId("ask-more-time");
            add(askButton);
            setAsked(pending.stream().anyMatch(r -> r.userId().equals(me)));
        }
    }

    /** The request of this page's user was taken: the button waits for the answer. */
    void asked() {
        setAsked(true);
    }

    void apply(SessionEvent.TimeAsked e) {
        if (e.userId().equals(me)) {
            setAsked(true);
        } else if (mayExtend && requests.getChildren().noneMatch(c -> c.getId().orElse("").equals(rowId(e.userId())))) {
            addRequest(e.userId(), e.displayName());
        }
    }

    void apply(SessionEvent.TimeAnswered e) {
        requests.getChildren().filter(c -> c.getId().orElse("").equals(rowId(e.userId()))).toList()
                .forEach(requests::remove);
        if (e.userId().equals(me)) {
            setAsked(false);
            String by = names.apply(e.actor());
            if (e.granted()) {
                Notifications.success(getTranslation("more-time.granted", by, Durations.spoken(e.seconds())));
            } else {
                Notifications.success(getTranslation("more-time.declined", by));
            }
        }
    }

    private void setAsked(boolean asked) {
        if (askButton == null) {
            return;
        }
        askButton.setEnabled(!asked);
        askButton.setText(getTranslation(asked ? "more-time.asked" : "more-time.ask"));
    }

    private void addRequest(String userId, String displayName) {
        Div row = new Div();
        row.setId(rowId(userId));
        row.addClassName("time-request");
        Span text = new Span(getTranslation("more-time.request", displayName));
        text.addClassName("time-request-text");
        row.add(text);
        for (int seconds : steps) {
            Button grant = new Button(Durations.extension(seconds), e -> actions.answer(userId, seconds));
            grant.setId("grant-" + userId + "-" + seconds);
            grant.addThemeVariants(ButtonVariant.LUMO_PRIMARY, ButtonVariant.LUMO_SMALL);
            grant.getElement().setAttribute("aria-label", getTranslation("more-time.grant-label",
                    Durations.extension(seconds), displayName));
            row.add(grant);
        }
        Button decline = new Button(getTranslation("more-time.decline"), e -> actions.answer(userId, 0));
        decline.setId("decline-" + userId);
        decline.addThemeVariants(ButtonVariant.LUMO_TERTIARY, ButtonVariant.LUMO_SMALL);
        row.add(decline);
        requests.add(row);
    }

    private static String rowId(String userId) {
        return "time-request-" + userId;
    }
}
