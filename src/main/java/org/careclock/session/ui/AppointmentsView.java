package org.careclock.session.ui;

import com.vaadin.flow.component.AttachEvent;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.DetachEvent;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.PermitAll;
import org.careclock.base.ui.BrowserTime;
import org.careclock.base.ui.Countdown;
import org.careclock.base.ui.Durations;
import org.careclock.call.CallDetails;
import org.careclock.call.CallService;
import org.careclock.call.CallState;
import org.careclock.base.CurrentUser;
import org.careclock.session.SessionEvent;
import org.careclock.session.SessionEvents;
import org.careclock.calltype.Capability;
import org.careclock.session.Waiting;
import org.careclock.session.SessionTimerService;
import org.careclock.session.BackstageService;
import org.careclock.user.UserService;

import java.time.Clock;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * "My appointments": in progress (with the time left), upcoming, and past — in the browser's
 * time zone. A call that starts, moves its deadline or ends updates the list by push.
 */
@Route("")
@PermitAll
public class AppointmentsView extends VerticalLayout implements BeforeEnterObserver, HasDynamicTitle {

    private final CallService calls;
    private final UserService users;
    private final CurrentUser currentUser;
    private final Clock clock;
    private final SessionEvents events;
    private final BackstageService backstage;
    private final SessionTimerService timers;
    private final List<SessionEvents.Subscription> subscriptions = new ArrayList<>();
    private final List<Runnable> watches = new ArrayList<>();
    private ZoneId zone = ZoneId.systemDefault();

    public AppointmentsView(CallService calls, UserService users, CurrentUser currentUser, Clock clock,
                            SessionEvents events, BackstageService backstage, SessionTimerService timers) {
        this.backstage = backstage;
        this.timers = timers;
        this.calls = calls;
        this.users = users;
        this.currentUser = currentUser;
        this.clock = clock;
        this.events = events;
        addClassName("page");
        setSpacing(false);
    }

    /**
     * An administrator who is no member of any appointment lands on the administration's
     * appointment list instead of an empty "My appointments".
     */
    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        if (currentUser.actor().isAdmin() && calls.listMine(currentUser.actor()).isEmpty()) {
            event.forwardTo("admin/appointments");
        }
    }

    @Override
    public String getPageTitle() {
        return getTranslation("page.title", getTranslation("appointments.title"));
    }

    @Override
    protected void onAttach(AttachEvent attachEvent) {
        super.onAttach(attachEvent);
        UI ui = attachEvent.getUI();
        List<CallDetails> mine = render();
        for (CallDetails call : mine) {
            subscriptions.add(events.subscribe(call.cid(), event -> {
                if (event instanceof SessionEvent.DeadlineChanged || event instanceof SessionEvent.CallEnded
                        || event instanceof SessionEvent.WaitingChanged || event instanceof SessionEvent.WentLive) {
                    ui.access(this::render);
                }
            }));
            if (hosts(call)) {
                // This list shows the clinician who is waiting: they count as told.
                watches.add(backstage.watch(currentUser.actor(), call.type(), call.id()));
            }
        }
        BrowserTime.withZone(ui, z -> {
            zone = z;
            render();
        });
    }

    @Override
    protected void onDetach(DetachEvent detachEvent) {
        subscriptions.forEach(SessionEvents.Subscription::close);
        subscriptions.clear();
        watches.forEach(Runnable::run);
        watches.clear();
        super.onDetach(detachEvent);
    }

    private List<CallDetails> render() {
        removeAll();
        add(new H2(getTranslation("appointments.title")));
        List<CallDetails> mine = calls.listMine(currentUser.actor());
        Map<String, String> names = new HashMap<>();
        List<CallDetails> running = mine.stream().filter(c -> c.state() == CallState.IN_PROGRESS).toList();
        List<CallDetails> upcoming = mine.stream().filter(c -> c.state() == CallState.SCHEDULED).toList();
        List<CallDetails> past = mine.stream().filter(c -> c.state() == CallState.ENDED)
                .sorted((a, b) -> b.endedAt().compareTo(a.endedAt())).toList();
        if (mine.isEmpty()) {
            Paragraph none = new Paragraph(getTranslation("appointments.none"));
            none.addClassName("empty-note");
            add(none);
            if (currentUser.actor().isAdmin()) {
                add(new Paragraph(new Span(getTranslation("appointments.admin-hint") + " "),
                        new Anchor("admin/appointments", getTranslation("appointments.admin-link")), new Span(".")));
            }
            return mine;
        }
        section("in-progress", running, c -> card(c, zone, names));
        section("upcoming", upcoming, c -> card(c, zone, names));
        section("past", past, c -> card(c, zone, names));
        return mine;
    }

    /** A titled list of cards; {@code name} picks its title and its empty note from the bundles. */
    private void section(String name, List<CallDetails> items, java.util.function.Function<CallDetails, Component> card) {
        H3 heading = new H3(getTranslation("appointments." + name));
        heading.addClassName("section-title");
        add(heading);
        if (items.isEmpty()) {
            Paragraph none = new Paragraph(getTranslation("appointments." + name + ".none"));
            none.addClassName("empty-note");
            add(none);
            return;
        }
        Div list = new Div();
        list.addClassName("appointment-list");
        items.forEach(c -> list.add(card.apply(c)));
        add(list);
    }

    private Component card(CallDetails call, ZoneId zone, Map<String, String> names) {
        Div card = new Div();
        card.addClassName("appointment-card");
        card.getElement().setAttribute("data-cid", call.cid());

        Div text = new Div();
        text.addClassName("grow");
        Span title = new Span(call.displayName());
        title.addClassName("title");
        String others = call.members().stream().filter(m -> !m.equals(currentUser.actor().userId()))
                .map(m -> names.computeIfAbsent(m, users::displayName)).collect(Collectors.joining(", "));
        Paragraph with = new Paragraph(others.isEmpty() ? getTranslation("people.only-you")
                : getTranslation("people.with", others));
        with.addClassName("muted");
        with.addClassName("with");
        text.add(title, with);
        if (currentUser.actor().isAdmin()) {
            // Administrators know the types by name; patients and clinicians see people and times.
            Span typeHint = new Span(call.type() + " · " + call.id());
            typeHint.addClassNames("cell-sub", "type-hint");
            text.add(typeHint);
        }
        Div whenColumn = new Div();
        whenColumn.addClassName("when-column");
        Div action = new Div();
        action.addClassName("card-action");
        card.add(VaadinIcon.CALENDAR_CLOCK.create(), text, whenColumn, action);

        switch (call.state()) {
            case IN_PROGRESS -> {
                Countdown left = new Countdown(clock::instant);
                left.show(call.session().timerEndsAt(), clock.instant());
                Span remaining = new Span(left, new Span(call.session().timerEndsAt() == null ? ""
                        : " " + getTranslation("appointments.left")));
                remaining.addClassName("time-left");
                Span ends = new Span(call.session().timerEndsAt() == null ? getTranslation("countdown.no-limit")
                        : getTranslation("appointments.ends-at", BrowserTime.time(call.session().timerEndsAt(), zone)));
                ends.addClassName("muted");
                whenColumn.add(remaining, ends);
                action.add(joinButton(call, getTranslation("appointments.join-now")));
            }
            case SCHEDULED -> {
                Span when = new Span(call.scheduledStart() == null ? getTranslation("appointments.not-scheduled")
                        : BrowserTime.dateTime(call.scheduledStart(), zone));
                when.addClassName("when");
                Span budget = new Span(Durations.human(call.session().maxDurationSeconds()));
                budget.addClassName("muted");
                whenColumn.add(when, budget);
                if (hosts(call)) {
                    text.add(waitingNote(call));
                    action.add(joinButton(call, getTranslation("appointments.open")));
                } else if (call.opensAt() != null && call.opensAt().isAfter(clock.instant())) {
                    action.add(new OpensAt(joinButton(call, getTranslation("appointments.join")), call.opensAt(), clock.instant(), zone));
                } else {
                    action.add(joinButton(call, getTranslation("appointments.join")));
                }
            }
            case ENDED -> {
                Span when = new Span(getTranslation("appointments.ended", BrowserTime.dateTime(call.endedAt(), zone)));
                when.addClassName("when");
                Span reason = new Span(call.endReason() == null ? "" : getTranslation("end-reason." + call.endReason().name()));
                reason.addClassName("muted");
                whenColumn.add(when, reason);
            }
        }
        return card;
    }

    /** Whether the signed-in user starts this call (its waiting room is theirs to watch). */
    private boolean hosts(CallDetails call) {
        return call.backstage().enabled() && call.state() == CallState.SCHEDULED
                && timers.capabilities(currentUser.actor(), call.type()).contains(Capability.JOIN_BACKSTAGE);
    }

    /** "Bill is waiting · since 20:41", live. */
    private Component waitingNote(CallDetails call) {
        List<Waiting> waiting = backstage.waiting(currentUser.actor(), call.type(), call.id());
        Paragraph note = new Paragraph(waiting.isEmpty() ? getTranslation("appointments.nobody-waiting")
                : waiting.stream().map(w -> getTranslation("backstage.waiting", w.displayName(), BrowserTime.time(w.since(), zone)))
                .collect(Collectors.joining("; ")));
        note.addClassName(waiting.isEmpty() ? "muted" : "waiting-note");
        note.setId("waiting-note-" + call.type() + "-" + call.id());
        note.getStyle().set("margin", "0");
        return note;
    }

    private Button joinButton(CallDetails call, String label) {
        Button join = new Button(label, VaadinIcon.PHONE.create(),
                e -> e.getSource().getUI().ifPresent(ui -> ui.navigate("call/" + call.type() + "/" + call.id())));
        join.setId("join-" + call.type() + "-" + call.id());
        join.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        return join;
    }
}
