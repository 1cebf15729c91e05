package org.careclock.session.ui;

import com.vaadin.flow.component.AttachEvent;
import com.vaadin.flow.component.DetachEvent;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
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
import org.careclock.base.ui.Translations;
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
import org.careclock.session.TimeRequests;
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
    private final TimeRequests timeRequests;
    private final ClockPanel clock;
    private final MediaPanel media;
    private final IdleDialog idleDialog;
    private final ParticipantList participants = new ParticipantList();
    private final CallControls controls;
    private final CallHeader header;
    private final MoreTimePanel moreTime;

    private String type;
    private String id;
    private String title = "";
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
                    SessionEvents events, CurrentUser currentUser, UserService users, TimeRequests timeRequests) {
        this.timers = timers;
        this.users = users;
        this.backstage = backstage;
        this.events = events;
        this.currentUser = currentUser;
        this.clock = new ClockPanel(timers::now);
        this.media = new MediaPanel(mediaService);
        this.idleDialog = new IdleDialog(timers::now);
        addClassNames("page", "call-view");
        this.controls = new CallControls(this::extend, this::leave,
                () -> timers.end(currentUser.actor(), type, id));
        this.header = new CallHeader(currentUser.actor().userId(), currentUser.actor().isAdmin(), users::displayName);
        this.timeRequests = timeRequests;
        this.moreTime = new MoreTimePanel(new MoreTimePanel.Actions() {
            @Override
            public void ask() {
                if (attendance != null) {
                    timeRequests.ask(currentUser.actor(), attendance, users.displayName(currentUser.actor().userId()));
                    moreTime.asked();
                }
            }

            @Override
            public void answer(String userId, int seconds) {
                timeRequests.answer(currentUser.actor(), type, id, userId, seconds);
            }
        }, this::who);
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
        return getTranslation("page.title", title.isEmpty() ? getTranslation("call.title") : title);
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
            header.setZone(z);
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
                    waitingRoom.noticed(waiting.noticed());
                    renderWaiting(waiting.call(), waitingRoom, true);
                }
                case BackstageService.Hosting staff -> {
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
            case NotFoundException _, InvalidInputException _ -> showProblem(getTranslation("call.not-found"),
                    getTranslation("call.not-found-text"));
            case RefusedException _, ConflictException _ ->
                    showProblem(getTranslation("call.refused"), Translations.message(refusal.getMessage()));
        }
    }

    /** Before the call is live: the waiting room or the clinician's backstage, and a device check. */
    private void renderWaiting(CallDetails call, com.vaadin.flow.component.Component panel, boolean deviceCheck) {
        removeAll();
        title = call.displayName();
        header.show(call);
        panel.addClassName("call-status");
        add(header, panel);
        if (deviceCheck) {
            Div stage = new Div(media);
            stage.addClassName("call-stage");
            add(stage);
            media.preview(timers.capabilities(currentUser.actor(), type));
        }
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
        header.show(call);

        clock.setThresholds(thresholds);
        clock.show(session.timerEndsAt(), session.serverNow());

        controls.show(capabilities, steps);
        moreTime.show(attendance.userId(), capabilities.contains(Capability.CHANGE_MAX_DURATION),
                session.timerEndsAt() != null, steps, timeRequests.pending(type + ":" + id));
        renderParticipants(session.present());

        Div stage = new Div(media);
        stage.addClassName("call-stage");
        add(header, clock, stage, controls, moreTime, participants);
        if (session.currentAlert() != null) {
            showAlert(session.currentAlert(), session.timerEndsAt());
        }
        if (session.idlePrompt() != null && session.idlePrompt().userId().equals(attendance.userId())) {
            idleDialog.ask(session.idlePrompt().answerBy(), session.serverNow());
        }
    }

    private void extend(int seconds) {
        timers.extend(currentUser.actor(), type, id, seconds);
    }

    private void leave() {
        leaveQuietly();
        getUI().ifPresent(ui -> {
            ui.navigate(AppointmentsView.class);
            Notifications.success(getTranslation("call.left"));
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
                    Notifications.success(extended(e.actor(),
                            Durations.spoken((int) Duration.between(e.oldEndsAt(), e.newEndsAt()).toSeconds())));
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
            case SessionEvent.TimeAsked e -> moreTime.apply(e);
            case SessionEvent.TimeAnswered e -> moreTime.apply(e);
            case SessionEvent.CallEnded e -> {
                attendance = null;
                leaveQuietly();
                getUI().ifPresent(ui -> ui.navigate(CallEndedView.class, new RouteParameters(Map.of("type", type, "id", id))));
            }
        }
    }

    /** The display name of {@code actorId}, or "The clinic" for the server-side API. */
    private String who(String actorId) {
        return actorId == null || actorId.isBlank() || !users.exists(actorId)
                ? getTranslation("more-time.the-clinic") : users.displayName(actorId);
    }

    /** "You extended …", "Dr. Lecter extended …", or "The clinic extended …" for the server-side API. */
    private String extended(String actorId, String by) {
        if (actorId == null || actorId.isBlank() || !users.exists(actorId)) {
            return getTranslation("call.extended-by-clinic", by);
        }
        return attendance != null && actorId.equals(attendance.userId()) || actorId.equals(currentUser.actor().userId())
                ? getTranslation("call.extended-by-you", by) : getTranslation("call.extended-by", users.displayName(actorId), by);
    }

    private void showAlert(int thresholdSeconds, java.time.Instant deadline) {
        clock.alert(thresholdSeconds, deadline);
    }

    private void renderParticipants(List<Participant> present) {
        participants.show(present, attendance == null ? null : attendance.userId());
    }

    private void showProblem(String heading, String message) {
        removeAll();
        removeClassName("call-view"); // a plain page: the call's grid would put the message in the clock's column
        title = heading;
        H2 h = new H2(heading);
        h.setId("call-problem");
        add(h, new Paragraph(message), new RouterLink(getTranslation("call.back"), AppointmentsView.class));
    }

    /** For tests: the page's current attendance, or null when not (or no longer) in the call. */
    Attendance attendance() {
        return attendance;
    }
}
