package org.careclock.session.ui;

import com.vaadin.flow.component.AttachEvent;
import com.vaadin.flow.component.DetachEvent;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.confirmdialog.ConfirmDialog;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.router.RouteParameters;
import com.vaadin.flow.router.RouterLink;
import com.vaadin.flow.shared.Registration;
import jakarta.annotation.security.PermitAll;
import org.careclock.base.ConflictException;
import org.careclock.base.InvalidInputException;
import org.careclock.base.NotFoundException;
import org.careclock.base.Refusal;
import org.careclock.base.RefusedException;
import org.careclock.base.ui.BrowserTime;
import org.careclock.base.ui.Countdown;
import org.careclock.base.ui.Durations;
import org.careclock.base.ui.Notifications;
import org.careclock.call.CallDetails;
import org.careclock.calltype.Capability;
import org.careclock.base.Actor;
import org.careclock.base.CurrentUser;
import org.careclock.session.Attendance;
import org.careclock.session.Participant;
import org.careclock.session.SessionEvent;
import org.careclock.session.SessionEvents;
import org.careclock.session.SessionTimerService;
import org.careclock.session.SessionView;

import java.time.Instant;
import java.time.ZoneId;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The in-call page: who is present, the shared countdown, threshold alerts, extension (for
 * holders of change-max-duration), leave, end (end-call) and the stay-or-leave question. It
 * joins when attached and leaves when detached; every change arrives by server push.
 */
@Route("call/:type/:id")
@PermitAll
public class CallView extends VerticalLayout implements BeforeEnterObserver, HasDynamicTitle {

    private final SessionTimerService timers;
    private final SessionEvents events;
    private final CurrentUser currentUser;

    private String type;
    private String id;
    private String title = "Call";

    private Attendance attendance;
    private SessionEvents.Subscription subscription;
    private Registration heartbeat;
    private Set<Capability> capabilities = Set.of();
    private List<Integer> thresholds = List.of();
    private ZoneId zone = ZoneId.systemDefault();

    private final Countdown countdown;
    private final Span clockCaption = new Span();
    private final Div alertSlot = new Div();
    private final Div participants = new Div();
    private final HorizontalLayout controls = new HorizontalLayout();
    private final IdleDialog idleDialog;
    private final Set<String> dismissed = new HashSet<>();
    private Instant endsAt;

    public CallView(SessionTimerService timers, SessionEvents events, CurrentUser currentUser) {
        this.timers = timers;
        this.events = events;
        this.currentUser = currentUser;
        this.countdown = new Countdown(timers::now);
        this.idleDialog = new IdleDialog(timers::now);
        addClassNames("page", "call-view");
        setSpacing(true);
        countdown.setId("countdown");
        participants.setId("participants");
        participants.addClassName("participants");
        clockCaption.addClassName("clock-caption");
        alertSlot.setWidthFull();
        controls.setAlignItems(FlexComponent.Alignment.CENTER);
        controls.getStyle().set("flex-wrap", "wrap");
        idleDialog.addStayListener(e -> {
            if (attendance != null) {
                timers.stay(attendance);
            }
        });
        idleDialog.addLeaveListener(e -> leave());
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        type = event.getRouteParameters().get("type").orElse("");
        id = event.getRouteParameters().get("id").orElse("");
    }

    @Override
    public String getPageTitle() {
        return title + " · CareClock";
    }

    @Override
    protected void onAttach(AttachEvent attachEvent) {
        super.onAttach(attachEvent);
        UI ui = attachEvent.getUI();
        Actor actor = currentUser.actor();
        SessionTimerService.Joined joined;
        String cid = type + ":" + id;
        subscription = events.subscribe(cid, event -> ui.access(() -> apply(event)));
        try {
            joined = timers.join(actor, type, id, null);
        } catch (Refusal refusal) {
            closeSubscription();
            switch (refusal) {
                case NotFoundException _, InvalidInputException _ -> showProblem("Appointment not found",
                        "There is no appointment at this address, or it is not one of yours.");
                case RefusedException _, ConflictException _ ->
                        showProblem("You cannot join this appointment", refusal.getMessage());
            }
            return;
        }
        attendance = joined.attendance();
        capabilities = joined.capabilities();
        thresholds = joined.alertThresholds();
        heartbeat = ui.addHeartbeatListener(e -> timers.heartbeat(attendance));
        render(joined.call(), joined.session(), joined.extensionSteps());
        BrowserTime.withZone(ui, z -> {
            zone = z;
            updateCaption();
        });
    }

    @Override
    protected void onDetach(DetachEvent detachEvent) {
        closeSubscription();
        if (heartbeat != null) {
            heartbeat.remove();
            heartbeat = null;
        }
        if (attendance != null) {
            timers.leave(attendance);
            attendance = null;
        }
        idleDialog.close();
        super.onDetach(detachEvent);
    }

    private void closeSubscription() {
        if (subscription != null) {
            subscription.close();
            subscription = null;
        }
    }

    private void render(CallDetails call, SessionView session, List<Integer> steps) {
        removeAll();
        title = call.displayName();
        H2 heading = new H2(call.displayName());
        heading.setId("call-title");
        Paragraph subtitle = new Paragraph(call.type() + " · " + call.id());
        subtitle.addClassName("muted");

        int warnAt = thresholds.isEmpty() ? 0 : thresholds.getFirst();
        int dangerAt = thresholds.isEmpty() ? 0 : thresholds.getLast();
        countdown.setLevels(warnAt, dangerAt);
        endsAt = session.timerEndsAt();
        countdown.show(endsAt, session.serverNow());
        updateCaption();
        Div clockPanel = new Div(countdown, clockCaption);
        clockPanel.addClassName("clock-panel");
        clockPanel.setWidthFull();

        controls.removeAll();
        if (capabilities.contains(Capability.CHANGE_MAX_DURATION)) {
            for (int step : steps) {
                controls.add(extendButton(step, "extend-" + step));
            }
        }
        Button leave = new Button("Leave call", VaadinIcon.SIGN_OUT.create(), e -> leave());
        leave.setId("leave-call");
        controls.add(leave);
        if (capabilities.contains(Capability.END_CALL)) {
            Button end = new Button("End call for everyone", VaadinIcon.STOP.create(), e -> confirmEnd());
            end.setId("end-call");
            end.addThemeVariants(ButtonVariant.LUMO_ERROR);
            controls.add(end);
        }

        H3 whoTitle = new H3("In the call");
        whoTitle.addClassName("section-title");
        renderParticipants(session.present());

        Paragraph media = new Paragraph("This page keeps the appointment's shared time: everyone in the call sees "
                + "the same countdown and the same alerts, and the appointment ends for everyone when the time is up. "
                + "Talk over your clinic's usual audio or video line while it runs.");
        media.addClassName("media-note");

        add(heading, subtitle, clockPanel, alertSlot, controls, whoTitle, participants, media);
        if (session.currentAlert() != null) {
            showAlert(session.currentAlert(), endsAt);
        }
        if (session.idlePrompt() != null && attendance != null
                && session.idlePrompt().userId().equals(attendance.userId())) {
            idleDialog.ask(session.idlePrompt().answerBy(), session.serverNow());
        }
    }

    private Button extendButton(int seconds, String elementId) {
        Button button = new Button(Durations.extension(seconds), VaadinIcon.PLUS.create(), e -> extend(seconds));
        button.setId(elementId);
        button.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        button.getElement().setAttribute("aria-label", "Extend the appointment by " + Durations.spoken(seconds));
        return button;
    }

    private void extend(int seconds) {
        timers.extend(currentUser.actor(), type, id, seconds);
    }

    private void confirmEnd() {
        ConfirmDialog confirm = new ConfirmDialog();
        confirm.setHeader("End the appointment?");
        confirm.setText("The call ends now, for everyone in it.");
        confirm.setCancelable(true);
        Button endNow = new Button("End call", e -> {
            confirm.close();
            timers.end(currentUser.actor(), type, id);
        });
        endNow.setId("confirm-end-call");
        endNow.addThemeVariants(ButtonVariant.LUMO_ERROR, ButtonVariant.LUMO_PRIMARY);
        confirm.setConfirmButton(endNow);
        confirm.open();
    }

    private void leave() {
        if (attendance != null) {
            timers.leave(attendance);
            attendance = null;
        }
        closeSubscription();
        idleDialog.close();
        getUI().ifPresent(ui -> {
            ui.navigate(AppointmentsView.class);
            Notifications.success("You left the call. It goes on for the others until it ends.");
        });
    }

    private void apply(SessionEvent event) {
        switch (event) {
            case SessionEvent.DeadlineChanged e -> {
                endsAt = e.newEndsAt();
                countdown.show(endsAt, timers.now());
                updateCaption();
                if (e.oldEndsAt() != null && e.newEndsAt() != null && e.newEndsAt().isAfter(e.oldEndsAt())) {
                    alertSlot.removeAll();
                    Notifications.success("The appointment was extended by "
                            + Durations.spoken((int) java.time.Duration.between(e.oldEndsAt(), e.newEndsAt()).toSeconds()));
                }
            }
            case SessionEvent.PresenceChanged e -> renderParticipants(e.present());
            case SessionEvent.AlertRaised e -> showAlert(e.thresholdSeconds(), e.endsAt());
            case SessionEvent.IdlePromptShown e -> {
                if (attendance != null && e.userId().equals(attendance.userId())) {
                    idleDialog.ask(e.answerBy(), timers.now());
                }
            }
            case SessionEvent.IdlePromptCancelled e -> idleDialog.close();
            case SessionEvent.CallEnded e -> {
                attendance = null;
                closeSubscription();
                idleDialog.close();
                getUI().ifPresent(ui -> ui.navigate(CallEndedView.class, new RouteParameters(
                        java.util.Map.of("type", type, "id", id))));
            }
        }
    }

    private void showAlert(int thresholdSeconds, Instant deadline) {
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
        if (capabilities.contains(Capability.CHANGE_MAX_DURATION)) {
            for (Button b : controls.getChildren().filter(c -> c instanceof Button).map(c -> (Button) c)
                    .filter(b -> b.getId().orElse("").startsWith("extend-")).toList()) {
                int seconds = Integer.parseInt(b.getId().orElseThrow().substring("extend-".length()));
                Button offer = new Button("Extend " + Durations.extension(seconds), e -> extend(seconds));
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

    private void renderParticipants(List<Participant> present) {
        participants.removeAll();
        participants.getElement().setAttribute("data-count", String.valueOf(present.size()));
        if (present.isEmpty()) {
            participants.add(new Span("Nobody is in the call."));
        }
        for (Participant p : present) {
            boolean me = attendance != null && p.userId().equals(attendance.userId());
            Span chip = new Span(VaadinIcon.USER.create(), new Span(p.displayName() + (me ? " (you)" : "")));
            chip.addClassName("participant-chip");
            chip.getElement().setAttribute("data-user", p.userId());
            participants.add(chip);
        }
    }

    private void updateCaption() {
        clockCaption.setText(endsAt == null ? "This appointment has no time limit"
                : "Time remaining · ends at " + BrowserTime.time(endsAt, zone));
    }

    private void showProblem(String heading, String message) {
        removeAll();
        title = heading;
        H2 h = new H2(heading);
        h.setId("call-problem");
        add(h, new Paragraph(message), new RouterLink("Back to my appointments", AppointmentsView.class));
    }

    /** For tests: the page's current attendance, or null when not (or no longer) in the call. */
    Attendance attendance() {
        return attendance;
    }
}
