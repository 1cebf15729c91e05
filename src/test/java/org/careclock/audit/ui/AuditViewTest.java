package org.careclock.audit.ui;

import com.github.mvysny.kaributesting.v10.GridKt;
import com.vaadin.flow.component.UI;
import org.careclock.base.ui.ForbiddenAsNotFoundView;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.textfield.TextField;
import org.careclock.audit.AuditEntry;
import org.careclock.call.CallDetails;
import org.careclock.call.CallService;
import org.careclock.call.NewCall;
import org.careclock.calltype.CallTypeService;
import org.careclock.calltype.CallTypeSettings;
import org.careclock.calltype.Capability;
import org.careclock.base.Actor;
import org.careclock.session.SessionTimerService;
import org.careclock.testing.KaribuTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import java.util.EnumSet;
import java.util.List;
import java.util.Map;

import static com.github.mvysny.kaributesting.v10.LocatorJ._assertNone;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static com.github.mvysny.kaributesting.v10.LocatorJ._setValue;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class AuditViewTest extends KaribuTest {

    @Autowired
    CallService calls;
    @Autowired
    CallTypeService types;
    @Autowired
    SessionTimerService timers;

    @Test
    void patient_cannot_open_the_audit_log() {
        login("bill");
        UI.getCurrent().navigate("admin/audit");
        // Answered like an address nothing serves: no trace of the page.
        _get(ForbiddenAsNotFoundView.class);
        _assertNone(AuditView.class);
    }

    @Test
    void specialist_cannot_open_the_audit_log() {
        login("dr-lecter");
        UI.getCurrent().navigate("admin/audit");
        // Answered like an address nothing serves: no trace of the page.
        _get(ForbiddenAsNotFoundView.class);
        _assertNone(AuditView.class);
    }

    @Test
    void admin_sees_start_extension_and_end_of_a_call_newest_first() {
        String type = freshId("audited");
        types.create(Actor.api(), CallTypeSettings.defaults(type, 1800).withGrants(Map.of("specialist", EnumSet.of(
                Capability.JOIN_CALL, Capability.UPDATE_CALL, Capability.UPDATE_CALL_SETTINGS, Capability.END_CALL))));
        CallDetails call = calls.create(Actor.api(), new NewCall(type, freshId("c"), null, List.of("dr-lecter"), null, null, null));
        Actor lecter = actor("dr-lecter");
        timers.join(lecter, type, call.id(), null);
        timers.extend(lecter, type, call.id(), 600);
        timers.end(lecter, type, call.id());

        login("admin");
        UI.getCurrent().navigate("admin/audit");
        _get(AuditView.class);
        _setValue(_get(TextField.class, spec -> spec.withId("audit-filter")), call.cid());

        Grid<AuditEntry> grid = grid();
        assertThat(GridKt._findAll(grid)).extracting(AuditEntry::cid).containsOnly(call.cid());
        assertThat(GridKt._findAll(grid)).extracting(e -> AuditView.action(e.action()))
                .containsExactly("Ended", "Extended", "Session started");
        assertThat(GridKt._getFormatted(grid, 0, "detail")).isEqualTo("The call was ended by a participant");
        assertThat(GridKt._getFormatted(grid, 1, "actor")).isEqualTo("Dr. Hannibal Lecter");
        assertThat(GridKt._getFormatted(grid, 1, "deadline")).contains(" → ");
        assertThat(GridKt._getFormatted(grid, 2, "deadline")).startsWith("none → ");
        assertThat(GridKt._getFormatted(grid, 1, "detail")).isEqualTo("Budget 40 min");
    }

    @Test
    void admin_reads_names_and_titles_and_filters_by_appointment_user_and_day() {
        String type = freshId("named");
        types.create(Actor.api(), CallTypeSettings.defaults(type, 1800).withGrants(Map.of("specialist", EnumSet.of(
                Capability.JOIN_CALL, Capability.UPDATE_CALL, Capability.UPDATE_CALL_SETTINGS, Capability.END_CALL))));
        CallDetails call = calls.create(Actor.api(), new NewCall(type, freshId("c"), "Blood test results",
                List.of("dr-lecter"), null, null, null));
        timers.join(actor("dr-lecter"), type, call.id(), null);
        timers.extend(actor("dr-lecter"), type, call.id(), 600);

        login("admin");
        UI.getCurrent().navigate("admin/audit");
        Grid<AuditEntry> grid = grid();
        _setValue(_get(com.vaadin.flow.component.combobox.ComboBox.class, spec -> spec.withId("audit-call")), call.cid());
        assertThat(GridKt._findAll(grid)).isNotEmpty().extracting(AuditEntry::cid).containsOnly(call.cid());
        assertThat(GridKt._getFormatted(grid, 0, "cid")).isEqualTo("Blood test results");
        assertThat(GridKt._getFormatted(grid, 0, "actor")).isEqualTo("Dr. Hannibal Lecter");

        _setValue(_get(com.vaadin.flow.component.combobox.ComboBox.class, spec -> spec.withId("audit-user")), "bill");
        assertThat(GridKt._findAll(grid)).as("Bill did nothing to this call").isEmpty();
        _setValue(_get(com.vaadin.flow.component.combobox.ComboBox.class, spec -> spec.withId("audit-user")), null);

        _setValue(_get(com.vaadin.flow.component.datepicker.DatePicker.class, spec -> spec.withId("audit-day")),
                clock.instant().atZone(java.time.ZoneId.systemDefault()).toLocalDate().minusDays(1));
        assertThat(GridKt._findAll(grid)).isEmpty();
        _setValue(_get(com.vaadin.flow.component.datepicker.DatePicker.class, spec -> spec.withId("audit-day")),
                clock.instant().atZone(java.time.ZoneId.systemDefault()).toLocalDate());
        assertThat(GridKt._findAll(grid)).hasSize(2);
    }

    @Test
    void unknown_actions_and_details_are_shown_as_they_are() {
        assertThat(AuditView.action("something-new")).isEqualTo("something-new");
        assertThat(AuditView.detail("TIMER_EXPIRED")).isEqualTo("The time has run out");
        assertThat(AuditView.detail("max duration 2400 s")).isEqualTo("Budget 40 min");
        assertThat(AuditView.detail("moved by hand")).isEqualTo("moved by hand");
        assertThat(AuditView.detail("bill waited 75 s, clarice waited 5 s")).isEqualTo("bill waited 1 min 15 s, clarice waited 5 s");
        assertThat(AuditView.detail("from 10.0.0.7")).isEqualTo("from 10.0.0.7");
    }

    @SuppressWarnings("unchecked")
    private static Grid<AuditEntry> grid() {
        return _get(Grid.class, spec -> spec.withId("audit-grid"));
    }
}
