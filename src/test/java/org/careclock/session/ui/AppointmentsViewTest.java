package org.careclock.session.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.login.LoginForm;
import com.vaadin.flow.component.UI;
import com.github.mvysny.kaributesting.v10.MockVaadin;
import org.careclock.base.ui.Countdown;
import org.careclock.call.CallService;
import org.careclock.call.NewCall;
import org.careclock.base.Actor;
import org.careclock.session.BackstageService;
import org.careclock.session.SessionTimerService;
import org.careclock.testing.KaribuTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import java.util.List;

import static com.github.mvysny.kaributesting.v10.LocatorJ._assertNone;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static com.github.mvysny.kaributesting.v10.LocatorJ._find;
import static org.assertj.core.api.Assertions.assertThat;

class AppointmentsViewTest extends KaribuTest {

    @Test
    void anonymous_visitor_lands_on_the_sign_in_form() {
        UI.getCurrent().navigate("");
        _get(LoginForm.class);
    }

    @Test
    void patient_sees_own_appointments_with_join_buttons() {
        login("bill");
        UI.getCurrent().navigate("");
        _get(AppointmentsView.class);
        _get(Button.class, spec -> spec.withId("join-appointment-test-call"));
        assertThat(_find(Button.class, spec -> spec.withId("join-appointment-starling-intake"))).isEmpty();
    }

    @Test
    void another_patient_does_not_see_bills_appointments() {
        login("clarice");
        UI.getCurrent().navigate("");
        _get(Button.class, spec -> spec.withId("join-appointment-starling-intake"));
        _assertNone(Button.class, spec -> spec.withId("join-appointment-test-call"));
    }

    @Test
    void a_patient_reads_whom_the_appointment_is_with_not_its_type() {
        login("bill");
        UI.getCurrent().navigate("");
        String text = card("test-call").getElement().getTextRecursively();
        assertThat(text).contains("With Dr. Hannibal Lecter").doesNotContain("· appointment");
        assertThat(_find(card("test-call"), com.vaadin.flow.component.html.Span.class,
                spec -> spec.withClasses("type-hint"))).isEmpty();
    }

    @Test
    void patients_and_clinicians_get_no_navigation_drawer() {
        login("bill");
        UI.getCurrent().navigate("");
        _assertNone(com.vaadin.flow.component.sidenav.SideNav.class);
        _assertNone(com.vaadin.flow.component.applayout.DrawerToggle.class);
        _get(Button.class, spec -> spec.withId("sign-out"));
    }

    @Test
    void an_administrator_without_appointments_lands_on_the_administration() {
        login("admin");
        UI.getCurrent().navigate("");
        _get(org.careclock.call.ui.AdminAppointmentsView.class);
        _assertNone(AppointmentsView.class);
        _get(com.vaadin.flow.component.applayout.DrawerToggle.class);
    }

    @Autowired CallService calls;
    @Autowired SessionTimerService timers;
    @Autowired BackstageService backstage;

    @Test
    void a_call_that_starts_moves_to_in_progress_with_its_time_left_by_push() {
        String id = freshId("list");
        calls.create(Actor.api(), new NewCall("appointment", id, "Results talk", List.of("dr-lecter", "bill"),
                "dr-lecter", clock.instant().plusSeconds(3600), null));
        login("bill");
        UI.getCurrent().navigate("");
        assertThat(_find(card(id), Countdown.class)).isEmpty();

        backstage.goLive(actor("dr-lecter"), "appointment", id);
        MockVaadin.clientRoundtrip(false);

        Countdown left = _get(card(id), Countdown.class);
        assertThat(left.endsAtMillis()).isEqualTo(clock.instant().plusSeconds(3600).toEpochMilli());
        _get(Button.class, spec -> spec.withId("join-appointment-" + id).withText("Join now"));
        assertThat(card(id).getElement().getTextRecursively()).contains(" left").contains("ends at ")
                .doesNotContain("left: ");
    }

    static com.vaadin.flow.component.html.Div card(String id) {
        return _get(com.vaadin.flow.component.html.Div.class,
                spec -> spec.withAttribute("data-cid", "appointment:" + id));
    }
}
