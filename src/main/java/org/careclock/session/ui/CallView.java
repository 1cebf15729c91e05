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
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.router.RouteParameters;
import com.vaadin.flow.router.RouterLink;
import com.vaadin.flow.shared.Registration;
import jakarta.annotation.security.PermitAll;
import org.careclock.base.ConflictException;
import org.careclock.base.CurrentUser;
import org.careclock.base.InvalidInputException;
import org.careclock.base.NotFoundException;
import org.careclock.base.Refusal;
import org.careclock.base.RefusedException;
import org.careclock.base.ui.BrowserTime;
import org.careclock.base.ui.Durations;
import org.careclock.base.ui.Notifications;
import org.careclock.call.CallDetails;
import org.careclock.calltype.Capability;
import org.careclock.session.Attendance;
import org.careclock.session.BackstageService;
import org.careclock.session.MediaService;
import org.careclock.session.WaitingTicket;
import org.careclock.session.Participant;
import org.careclock.session.SessionEvent;
import org.careclock.session.SessionEvents;
import org.careclock.session.SessionTimerService;
import org.careclock.session.SessionView;
import org.careclock.user.UserService;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The in-call page: the consultation's audio and video, the shared countdown with its alerts
 * always in view, who is present, extension (for holders of change-max-duration), leave, end
 * (end-call) and the stay-or-leave question. It joins when attached and leaves when detached;
 * every change arrives by server push, and the end stops the media in the same push.
 */
@Route("call/:type/:id")
@PermitAll
public class CallView extends Div implements BeforeEnterObserver, HasDynamicTitle {

    private final SessionTimerService timers;
    private final BackstageService backstage;
    private final SessionEvents events;
    private final CurrentUser currentUser;
    private final UserService users;
    private final ClockPanel clock;
    private final MediaPanel media;
    private final IdleDialog idleDialog;
    private final Div participants = new Div();
    private final Div controls = new Div();
    private final Paragraph subtitle = new Paragraph();
    private CallDetails shownCall;

    private String type;
    private String id;
    private String title = "Call";
    private Attendance attendance;
    private WaitingTicket ticket;
    private Runnable watching;
    private WaitingRoomPanel waitingRoom;
    private BackstagePanel backstagePanel;
    private java.time.ZoneId zone = java.time.ZoneId.systemDefault();
    private SessionEvents.Subscription subscription;
    private Registration heartbeat;
    private Set<Capability> capabilities = Set.of();
    private List<Integer> steps = List.of();

    public CallView(SessionTimerService timers, BackstageService backstage, MediaService mediaService,
                    SessionEvents events, CurrentUser currentUser, UserService users) {
        this.timers = timers;
        this.users = users;
        this.backstage = backstage;
        this.events = events;
        this.currentUser = currentUser;
        this.clock = new ClockPanel(timers::now);
        this.media = new MediaPanel(mediaService);
        this.idleDialog = new IdleDialog(timers::now);
        addClassNames("page", "call-view");
        participants.setId("participants");
        participants.addClassName("participants");
        controls.addClassName("call-controls");
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
        subscription = events.subscribe(type + ":" + id, event -> ui.access(() -> apply(event)));
        heartbeat = ui.addHeartbeatListener(e -> beat());
        BrowserTime.withZone(ui, z -> {
            zone = z;
            clock.setZone(z);
            if (shownCall != null) {
                subtitle.setText(subtitle(shownCall));
            }
            if (backstagePanel != null) {
                backstagePanel.setZone(z);
            }
        });
        try {
            switch (backstage.arrive(currentUser.actor(), type, id)) {
                case BackstageService.Live live -> enterCall();
                case BackstageService.NotYet notYet -> {
                    closeSubscription();
                    renderWaiting(notYet.call(), new WaitingRoomPanel(notYet.hosts(), notYet.opensAt(), zone), false);
                }
                case BackstageService.InWaitingRoom waiting -> {
                    ticket = waiting.ticket();
                    waitingRoom = new WaitingRoomPanel(waiting.hosts(), ticket.userId());
                    waitingRoom.update(backstageWaitingOf(waiting));
                    renderWaiting(waiting.call(), waitingRoom, true);
                }
                case BackstageService.Backstage staff -> {
                    watching = backstage.watch(currentUser.actor(), type, id);
                    backstagePanel = new BackstagePanel(this::goLive);
                    backstagePanel.setZone(zone);
                    backstagePanel.update(backstage.waiting(currentUser.actor(), type, id));
                    renderWaiting(staff.call(), backstagePanel, true);
                }
            }
        } catch (Refusal refusal) {
            refused(refusal);
        }
    }

    /** Joins the call (live, or just started) and shows it. */
    private void enterCall() {
        leaveWaiting();
        SessionTimerService.Joined joined;
        try {
            joined = timers.join(currentUser.actor(), type, id, null);
        } catch (Refusal refusal) {
            refused(refusal);
            return;
        }
        attendance = joined.attendance();
        capabilities = joined.capabilities();
        steps = joined.extensionSteps();
        render(joined.call(), joined.session(), joined.alertThresholds());
        media.start(attendance);
    }

    private void refused(Refusal refusal) {
        closeSubscription();
        media.stop();
        switch (refusal) {
            case NotFoundException _, InvalidInputException _ -> showProblem("Appointment not found",
                    "There is no appointment at this address, or it is not one of yours.");
            case RefusedException _, ConflictException _ ->
                    showProblem("You cannot join this appointment", refusal.getMessage());
        }
    }

    /** Before the call is live: the waiting room or the clinician's backstage, and a device check. */
    private void renderWaiting(CallDetails call, com.vaadin.flow.component.Component panel, boolean deviceCheck) {
        removeAll();
        title = call.displayName();
        H2 heading = new H2(call.displayName());
        heading.setId("call-title");
        Div header = new Div(heading);
        header.addClassName("call-header");
        panel.addClassName("call-status");
        add(header, panel);
        if (deviceCheck) {
            Div stage = new Div(media);
            stage.addClassName("call-stage");
            add(stage);
            media.preview(timers.capabilities(currentUser.actor(), type));
        }
    }

    /** Whether this member was noticed already (a clinician's page was open as they arrived). */
    private static java.util.List<org.careclock.session.Waiting> backstageWaitingOf(BackstageService.InWaitingRoom waiting) {
        return waiting.noticed() ? java.util.List.of(new org.careclock.session.Waiting(waiting.ticket().userId(), "",
                java.time.Instant.EPOCH, true)) : java.util.List.of();
    }

    private void goLive() {
        backstage.goLive(currentUser.actor(), type, id);
    }

    private void beat() {
        if (attendance != null) {
            timers.heartbeat(attendance);
        } else if (ticket != null) {
            backstage.heartbeat(ticket);
        }
    }

    /** Off the waiting list and no longer watching it. */
    private void leaveWaiting() {
        if (ticket != null) {
            backstage.leave(ticket);
            ticket = null;
        }
        if (watching != null) {
            watching.run();
            watching = null;
        }
        waitingRoom = null;
        backstagePanel = null;
    }

    @Override
    protected void onDetach(DetachEvent detachEvent) {
        leaveQuietly();
        super.onDetach(detachEvent);
    }

    private void render(CallDetails call, SessionView session, List<Integer> thresholds) {
        removeAll();
        title = call.displayName();
        H2 heading = new H2(call.displayName());
        heading.setId("call-title");
        shownCall = call;
        subtitle.setText(subtitle(call));
        subtitle.setId("call-subtitle");
        subtitle.addClassName("muted");
        Div header = new Div(heading, subtitle);
        if (currentUser.actor().isAdmin()) {
            Span typeHint = new Span(call.type() + " · " + call.id());
            typeHint.addClassNames("cell-sub", "type-hint");
            header.add(typeHint);
        }
        header.addClassName("call-header");

        clock.setThresholds(thresholds);
        clock.show(session.timerEndsAt(), session.serverNow());

        controls.removeAll();
        if (capabilities.contains(Capability.CHANGE_MAX_DURATION)) {
            for (int step : steps) {
                controls.add(extendButton(step));
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
        Div people = new Div(whoTitle, participants);
        people.addClassName("call-people");
        renderParticipants(session.present());

        Div stage = new Div(media);
        stage.addClassName("call-stage");
        add(header, clock, stage, controls, people);
        if (session.currentAlert() != null) {
            showAlert(session.currentAlert(), session.timerEndsAt());
        }
        if (session.idlePrompt() != null && session.idlePrompt().userId().equals(attendance.userId())) {
            idleDialog.ask(session.idlePrompt().answerBy(), session.serverNow());
        }
    }

    /** "With Dr. Hannibal Lecter · booked for 14:00, 1 h": people and times, not type names. */
    private String subtitle(CallDetails call) {
        String others = call.members().stream().filter(m -> !m.equals(currentUser.actor().userId()))
                .map(users::displayName).collect(java.util.stream.Collectors.joining(", "));
        StringBuilder out = new StringBuilder(others.isEmpty() ? "Only you" : "With " + others);
        if (call.scheduledStart() != null) {
            out.append(" · booked for ").append(BrowserTime.time(call.scheduledStart(), zone));
        }
        int budget = call.session().maxDurationSeconds();
        out.append(budget > 0 ? ", " + Durations.human(budget) : ", no time limit");
        return out.toString();
    }

    private Button extendButton(int seconds) {
        Button button = new Button(Durations.extension(seconds), VaadinIcon.PLUS.create(), e -> extend(seconds));
        button.setId("extend-" + seconds);
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
        leaveQuietly();
        getUI().ifPresent(ui -> {
            ui.navigate(AppointmentsView.class);
            Notifications.success("You left the call. It goes on for the others until it ends.");
        });
    }

    /** Stops the media, leaves the call (or the waiting room) and stops listening; safe to call more than once. */
    private void leaveQuietly() {
        media.stop();
        leaveWaiting();
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
    }

    private void closeSubscription() {
        if (subscription != null) {
            subscription.close();
            subscription = null;
        }
    }

    private void apply(SessionEvent event) {
        switch (event) {
            case SessionEvent.DeadlineChanged e -> {
                clock.show(e.newEndsAt(), timers.now());
                if (e.oldEndsAt() != null && e.newEndsAt() != null && e.newEndsAt().isAfter(e.oldEndsAt())) {
                    clock.clearAlert();
                    Notifications.success(extendedBy(e.actor()) + " extended the appointment by "
                            + Durations.spoken((int) Duration.between(e.oldEndsAt(), e.newEndsAt()).toSeconds()));
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
            case SessionEvent.PeersChanged e -> media.apply(e);
            case SessionEvent.SignalRelayed e -> media.apply(e);
            case SessionEvent.WaitingChanged e -> {
                if (backstagePanel != null) {
                    backstagePanel.update(e.waiting());
                }
                if (waitingRoom != null) {
                    waitingRoom.update(e.waiting());
                }
            }
            case SessionEvent.WentLive e -> {
                if (attendance == null && (ticket != null || watching != null)) {
                    enterCall();
                }
            }
            case SessionEvent.CallEnded e -> {
                attendance = null;
                leaveQuietly();
                getUI().ifPresent(ui -> ui.navigate(CallEndedView.class, new RouteParameters(Map.of("type", type, "id", id))));
            }
        }
    }

    /** "You", a person's display name, or "The clinic" for the server-side API. */
    private String extendedBy(String actorId) {
        if (actorId == null || actorId.isBlank() || !users.exists(actorId)) {
            return "The clinic";
        }
        return attendance != null && actorId.equals(attendance.userId()) || actorId.equals(currentUser.actor().userId())
                ? "You" : users.displayName(actorId);
    }

    private void showAlert(int thresholdSeconds, java.time.Instant deadline) {
        clock.alert(thresholdSeconds, deadline);
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

    private void showProblem(String heading, String message) {
        removeAll();
        removeClassName("call-view"); // a plain page: the call's grid would put the message in the clock's column
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
