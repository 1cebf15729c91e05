package org.careclock.session.ui;

import com.github.mvysny.kaributesting.v10.MockVaadin;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import org.careclock.base.ui.Countdown;
import org.careclock.call.CallService;
import org.careclock.call.NewCall;
import org.careclock.calltype.Capability;
import org.careclock.calltype.CallTypeService;
import org.careclock.calltype.CallTypeSettings;
import org.careclock.base.Actor;
import org.careclock.base.Roles;
import org.careclock.session.SessionEvents;
import org.careclock.session.SessionTimerService;
import org.careclock.session.TimeRequests;
import org.careclock.session.Attendance;
import org.careclock.testing.KaribuTest;
import org.careclock.testing.TestCallTypes;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import java.time.Duration;
import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;

import static com.github.mvysny.kaributesting.v10.LocatorJ._assertNone;
import static com.github.mvysny.kaributesting.v10.LocatorJ._click;
import static com.github.mvysny.kaributesting.v10.LocatorJ._find;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.assertj.core.api.Assertions.assertThat;

/** The in-call page for a specialist and a patient, browserless, on virtual time. */
class CallViewTest extends KaribuTest {

    @Autowired SessionTimerService timers;
    @Autowired CallTypeService types;
    @Autowired CallService calls;
    @Autowired SessionEvents events;
    @Autowired TimeRequests timeRequests;

    String type;
    String id;
    Instant start;

    @BeforeEach
    void createCall() {
        type = freshId("kt");
        types.create(Actor.api(), TestCallTypes.standard(type, 3600, 180, 60, 300));
        id = freshId("visit");
        calls.create(Actor.api(), new NewCall(type, id, "Check-up", List.of("dr-lecter", "bill"), "dr-lecter", null, null));
        start = clock.instant();
    }

    void open(String user) {
        login(user);
        UI.getCurrent().navigate("call/" + type + "/" + id);
    }

    void advance(long seconds) {
        scheduler.advance(Duration.ofSeconds(seconds));
        MockVaadin.clientRoundtrip(false);
    }

    static Component byId(String id) {
        return _get(Component.class, spec -> spec.withId(id));
    }

    @Test
    void specialist_sees_the_deadline_the_extend_buttons_and_end_call() {
        open("dr-lecter");
        Countdown countdown = (Countdown) byId("countdown");
        assertThat(countdown.endsAtMillis()).isEqualTo(start.plusSeconds(3600).toEpochMilli());
        byId("extend-600");
        byId("extend-1800");
        byId("leave-call");
        byId("end-call");
        assertThat(byId("participants").getElement().getAttribute("data-count")).isEqualTo("1");
    }

    @Test
    void patient_sees_no_extend_or_end_control() {
        open("bill");
        byId("countdown");
        byId("leave-call");
        assertThat(_find(Button.class, spec -> spec.withId("extend-600"))).isEmpty();
        assertThat(_find(Button.class, spec -> spec.withId("end-call"))).isEmpty();
    }

    @Test
    void an_extension_by_the_specialist_reaches_the_patients_page() {
        timers.join(Actor.user("dr-lecter", Roles.SPECIALIST), type, id, null);
        open("bill");
        assertThat(byId("participants").getElement().getAttribute("data-count")).isEqualTo("2");

        timers.extend(Actor.user("dr-lecter", Roles.SPECIALIST), type, id, 600);
        MockVaadin.clientRoundtrip(false);

        assertThat(((Countdown) byId("countdown")).endsAtMillis()).isEqualTo(start.plusSeconds(4200).toEpochMilli());
    }

    @Test
    void the_specialists_extend_button_extends_the_call() {
        open("dr-lecter");
        _click(_get(Button.class, spec -> spec.withId("extend-600")));
        MockVaadin.clientRoundtrip(false);
        assertThat(((Countdown) byId("countdown")).endsAtMillis()).isEqualTo(start.plusSeconds(4200).toEpochMilli());
    }

    @Test
    void a_threshold_alert_appears_in_amber_without_repeating_the_extend_buttons_and_stays_dismissed() {
        timers.join(Actor.user("bill", Roles.PATIENT), type, id, null);
        open("dr-lecter");
        _assertNone(Div.class, spec -> spec.withId("session-alert"));
        advance(2400);
        Div alert = _get(Div.class, spec -> spec.withId("session-alert"));
        assertThat(alert.getElement().getAttribute("role")).as("an early warning waits for a pause").isEqualTo("status");
        assertThat(alert.getElement().getText() + alert.getElement().getChildren()
                .map(c -> c.getTextRecursively()).reduce("", String::concat)).contains("Last 20 minutes");
        assertThat(alert.getElement().getAttribute("data-level")).isEqualTo("warn");
        assertThat(_find(alert, Button.class, spec -> spec.withText("Extend +10 min"))).isEmpty();
        assertThat(_find(Button.class, spec -> spec.withId("extend-600"))).as("the page's own button").hasSize(1);

        _click(_get(Button.class, spec -> spec.withId("dismiss-alert")));
        _assertNone(Div.class, spec -> spec.withId("session-alert"));
        advance(1);
        _assertNone(Div.class, spec -> spec.withId("session-alert"));
        advance(899);
        assertThat(_get(Div.class, spec -> spec.withId("session-alert")).getElement().getAttribute("data-threshold"))
                .isEqualTo("300");
    }

    @Test
    void a_patient_opening_the_page_late_sees_only_the_most_urgent_passed_threshold() {
        timers.join(Actor.user("dr-lecter", Roles.SPECIALIST), type, id, null);
        timers.join(Actor.user("bill", Roles.PATIENT), type, id, null);
        advance(3400);
        open("bill");
        List<Div> alerts = _find(Div.class, spec -> spec.withId("session-alert"));
        assertThat(alerts).singleElement().satisfies(a ->
                assertThat(a.getElement().getAttribute("data-threshold")).isEqualTo("300"));
        assertThat(_find(alerts.getFirst(), Button.class, spec -> spec.withText("Extend +10 min"))).isEmpty();
    }

    @Test
    void the_most_urgent_alert_is_red_like_the_countdown() {
        timers.join(Actor.user("bill", Roles.PATIENT), type, id, null);
        open("dr-lecter");
        advance(3300);
        Div alert = _get(Div.class, spec -> spec.withId("session-alert"));
        assertThat(alert.getElement().getAttribute("data-threshold")).isEqualTo("300");
        assertThat(alert.getElement().getAttribute("data-level")).isEqualTo("danger");
        assertThat(alert.getElement().getAttribute("role")).as("the last warning interrupts").isEqualTo("alert");
        assertThat(alert.getElement().getTextRecursively()).contains("Last 5 minutes");
    }

    @Test
    void the_patient_reads_who_the_call_is_with_not_the_type() {
        open("bill");
        String subtitle = _get(com.vaadin.flow.component.html.Paragraph.class, spec -> spec.withId("call-subtitle")).getText();
        assertThat(subtitle).startsWith("With Dr. Hannibal Lecter").contains("1 h").doesNotContain(type).doesNotContain(id);
    }

    @Test
    void the_patient_is_told_who_extended_the_call() {
        timers.join(Actor.user("dr-lecter", Roles.SPECIALIST), type, id, null);
        open("bill");
        timers.extend(Actor.user("dr-lecter", Roles.SPECIALIST), type, id, 600);
        MockVaadin.clientRoundtrip(false);
        assertThat(com.github.mvysny.kaributesting.v10.NotificationsKt.getNotifications())
                .extracting(n -> n.getElement().getProperty("text"))
                .contains("Dr. Hannibal Lecter extended the appointment by 10 minutes");
    }

    @Test
    void alone_the_user_gets_the_idle_dialog_and_stay_keeps_the_call() {
        open("dr-lecter");
        advance(120);
        byId("idle-dialog");
        _click(_get(Button.class, spec -> spec.withId("idle-stay")));
        MockVaadin.clientRoundtrip(false);
        assertThat(_find(Component.class, spec -> spec.withId("idle-dialog"))).isEmpty();
        advance(100);
        assertThat(UI.getCurrent().getInternals().getActiveRouterTargetsChain().getFirst()).isInstanceOf(CallView.class);
    }

    @Test
    void without_an_answer_the_call_ends_and_the_page_shows_the_reason() {
        open("dr-lecter");
        advance(180);
        Div ended = _get(Div.class, spec -> spec.withId("call-ended"));
        assertThat(ended.getElement().getAttribute("data-reason")).isEqualTo("IDLE_TIMEOUT");
    }

    @Test
    void at_zero_everyone_moves_to_the_ended_page_with_the_time_has_run_out() {
        timers.join(Actor.user("dr-lecter", Roles.SPECIALIST), type, id, null);
        open("bill");
        advance(3600);
        Div ended = _get(Div.class, spec -> spec.withId("call-ended"));
        assertThat(ended.getElement().getAttribute("data-reason")).isEqualTo("TIMER_EXPIRED");
        assertThat(byId("session-alert").getElement().getText()).isEqualTo("The time has run out");
    }

    @Test
    void leave_takes_the_user_back_to_the_appointments_and_out_of_the_call() {
        open("bill");
        _click(_get(Button.class, spec -> spec.withId("leave-call")));
        MockVaadin.clientRoundtrip(false);
        assertThat(timers.present(type + ":" + id)).isEmpty();
    }

    @Test
    void a_patient_typing_another_patients_call_gets_not_found_and_no_call_data() {
        open("clarice");
        assertThat(_get(H2.class, spec -> spec.withId("call-problem")).getText()).isEqualTo("Appointment not found");
        _assertNone(Countdown.class);
        assertThat(timers.present(type + ":" + id)).isEmpty();
    }

    @Test
    void an_ended_call_cannot_be_rejoined() {
        timers.join(Actor.user("dr-lecter", Roles.SPECIALIST), type, id, null);
        timers.end(Actor.user("dr-lecter", Roles.SPECIALIST), type, id);
        open("bill");
        assertThat(_get(H2.class, spec -> spec.withId("call-problem")).getText()).isEqualTo("You cannot join this appointment");
        _assertNone(Countdown.class);
    }

    @Test
    void closing_the_page_leaves_the_call_and_drops_its_subscription() {
        String cid = type + ":" + id;
        int before = events.subscriberCount(cid);
        open("bill");
        assertThat(timers.present(cid)).hasSize(1);
        assertThat(events.subscriberCount(cid)).as("the open page listens to its call").isEqualTo(before + 1);
        UI.getCurrent().navigate("call/" + type + "/" + id + "/ended");
        MockVaadin.clientRoundtrip(false);
        assertThat(timers.present(cid)).isEmpty();
        assertThat(events.subscriberCount(cid)).as("the closed page no longer listens").isEqualTo(before);
    }

    @Test
    void a_page_that_becomes_visible_again_gets_the_servers_time_afresh() {
        open("bill");
        Countdown countdown = (Countdown) byId("countdown");
        scheduler.advance(Duration.ofSeconds(90));
        assertThat(countdown.getElement().getAttribute("data-server-now")).isEqualTo(String.valueOf(start.toEpochMilli()));

        com.github.mvysny.kaributesting.v10.ElementUtilsKt._fireDomEvent(countdown.getElement(),
                new com.vaadin.flow.dom.DomEvent(countdown.getElement(), "careclock-resync",
                        tools.jackson.databind.node.JsonNodeFactory.instance.objectNode()));

        assertThat(countdown.getElement().getAttribute("data-server-now"))
                .isEqualTo(String.valueOf(start.plusSeconds(90).toEpochMilli()));
        assertThat(countdown.endsAtMillis()).isEqualTo(start.plusSeconds(3600).toEpochMilli());
    }

    @Test
    void a_patient_asks_for_more_time_and_hears_the_answer() {
        Actor doctor = Actor.user("dr-lecter", Roles.SPECIALIST);
        timers.join(doctor, type, id, null);
        open("bill");
        Button ask = _get(Button.class, spec -> spec.withId("ask-more-time"));
        _click(ask);
        assertThat(ask.isEnabled()).as("one request at a time").isFalse();
        assertThat(ask.getText()).contains("waiting for an answer");

        timeRequests.answer(doctor, type, id, "bill", 600);
        MockVaadin.clientRoundtrip(false);

        assertThat(ask.isEnabled()).isTrue();
        assertThat(com.github.mvysny.kaributesting.v10.NotificationsKt.getNotifications())
                .extracting(n -> n.getElement().getProperty("text"))
                .contains("Dr. Hannibal Lecter gave you 10 minutes more");
        assertThat(((Countdown) byId("countdown")).endsAtMillis()).isEqualTo(start.plusSeconds(4200).toEpochMilli());
    }

    @Test
    void the_specialist_sees_the_request_with_the_extension_steps_and_grants_it() {
        Actor patient = Actor.user("bill", Roles.PATIENT);
        Attendance patientsPage = timers.join(patient, type, id, null).attendance();
        open("dr-lecter");
        assertThat(_find(Button.class, spec -> spec.withId("ask-more-time"))).as("the specialist may extend").isEmpty();

        timeRequests.ask(patient, patientsPage, "Buffalo Bill");
        MockVaadin.clientRoundtrip(false);

        Div request = _get(Div.class, spec -> spec.withId("time-request-bill"));
        assertThat(request.getElement().getTextRecursively()).contains("Buffalo Bill asks for more time");
        byId("grant-bill-1800");
        byId("decline-bill");
        _click(_get(Button.class, spec -> spec.withId("grant-bill-600")));
        MockVaadin.clientRoundtrip(false);

        assertThat(((Countdown) byId("countdown")).endsAtMillis()).isEqualTo(start.plusSeconds(4200).toEpochMilli());
        assertThat(_find(Div.class, spec -> spec.withId("time-request-bill"))).as("answered").isEmpty();
    }

    @Test
    void a_specialist_opening_the_page_later_sees_the_pending_request_and_may_decline() {
        Actor patient = Actor.user("bill", Roles.PATIENT);
        timeRequests.ask(patient, timers.join(patient, type, id, null).attendance(), "Buffalo Bill");
        open("dr-lecter");
        _click(_get(Button.class, spec -> spec.withId("decline-bill")));
        MockVaadin.clientRoundtrip(false);
        assertThat(_find(Div.class, spec -> spec.withId("time-request-bill"))).isEmpty();
        assertThat(((Countdown) byId("countdown")).endsAtMillis()).isEqualTo(start.plusSeconds(3600).toEpochMilli());
    }
}
