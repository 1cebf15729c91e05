package org.careclock.call.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.login.LoginForm;
import com.vaadin.flow.component.UI;
import org.careclock.testing.KaribuTest;
import org.junit.jupiter.api.Test;

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
}
