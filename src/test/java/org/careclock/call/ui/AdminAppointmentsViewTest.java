package org.careclock.call.ui;

import com.github.mvysny.kaributesting.v10.GridKt;
import com.vaadin.flow.component.UI;
import org.careclock.base.ui.ForbiddenAsNotFoundView;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.combobox.MultiSelectComboBox;
import com.vaadin.flow.component.confirmdialog.ConfirmDialog;
import com.vaadin.flow.component.datetimepicker.DateTimePicker;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.select.Select;
import org.careclock.base.ui.DurationField;
import com.vaadin.flow.component.textfield.TextField;
import org.careclock.call.CallDetails;
import org.careclock.call.CallService;
import org.careclock.call.CallState;
import org.careclock.call.NewCall;
import org.careclock.calltype.CallTypeService;
import org.careclock.calltype.CallTypeSettings;
import org.careclock.calltype.Capability;
import org.careclock.base.Actor;
import org.careclock.session.SessionTimerService;
import org.careclock.testing.KaribuTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import java.time.Instant;
import java.time.LocalDateTime;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static com.github.mvysny.kaributesting.v10.LocatorJ._assertNone;
import static com.github.mvysny.kaributesting.v10.LocatorJ._click;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static com.github.mvysny.kaributesting.v10.LocatorJ._setValue;
import static com.github.mvysny.kaributesting.v10.pro.ConfirmDialogKt._fireConfirm;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class AdminAppointmentsViewTest extends KaribuTest {

    @Autowired
    CallService calls;
    @Autowired
    CallTypeService types;
    @Autowired
    SessionTimerService timers;

    @Test
    void patient_cannot_open_the_admin_appointments() {
        login("bill");
        UI.getCurrent().navigate("admin/appointments");
        // Answered like an address nothing serves: no trace of the page.
        _get(ForbiddenAsNotFoundView.class);
        _assertNone(AdminAppointmentsView.class);
    }

    @Test
    void specialist_cannot_open_the_admin_appointments() {
        login("dr-lecter");
        UI.getCurrent().navigate("admin/appointments");
        // Answered like an address nothing serves: no trace of the page.
        _get(ForbiddenAsNotFoundView.class);
        _assertNone(AdminAppointmentsView.class);
    }

    @Test
    void admin_sees_every_appointment_with_member_names() {
        openPage();
        List<CallDetails> rows = GridKt._findAll(grid());
        assertThat(rows).extracting(CallDetails::cid).contains("appointment:test-call", "appointment:starling-intake");
        int row = rows.stream().map(CallDetails::cid).toList().indexOf("appointment:starling-intake");
        assertThat(GridKt._getFormatted(grid(), row, "members")).contains("Clarice Starling", "Dr. Hannibal Lecter");
    }

    @Test
    void admin_schedules_an_appointment_in_the_browsers_time_zone() {
        String id = freshId("intake");
        AdminAppointmentsView view = openPage();
        _click(_get(Button.class, spec -> spec.withId("new-appointment")));
        typeSelect().setValue("appointment");
        _setValue(_get(TextField.class, spec -> spec.withId("appointment-id")), id);
        _setValue(_get(TextField.class, spec -> spec.withId("appointment-title")), "Intake interview");
        _setValue(members(), Set.of("dr-lecter", "clarice"));
        LocalDateTime start = LocalDateTime.of(2026, 3, 20, 14, 30);
        _setValue(_get(DateTimePicker.class, spec -> spec.withId("appointment-start")), start);
        assertThat(_get(DateTimePicker.class, spec -> spec.withId("appointment-start")).getHelperText())
                .as("the day written out, not 20/03/2026").startsWith("Friday 20 March 2026, 14:30");
        assertThat(_get(DateTimePicker.class, spec -> spec.withId("appointment-start")).getDatePickerI18n()
                .getDateFormats()).containsExactly("yyyy-MM-dd");
        _setValue(_get(DurationField.class, spec -> spec.withId("appointment-duration-override")), 2700);
        _click(_get(Button.class, spec -> spec.withId("save-appointment")));

        CallDetails created = calls.getVisible(actor("clarice"), "appointment", id);
        assertThat(created.title()).isEqualTo("Intake interview");
        assertThat(created.members()).containsExactlyInAnyOrder("dr-lecter", "clarice");
        assertThat(created.scheduledStart()).isEqualTo(start.atZone(view.zone()).toInstant());
        assertThat(created.maxDurationOverride()).isEqualTo(2700);
        assertThat(created.createdBy()).isEqualTo("admin");
        assertThat(GridKt._findAll(grid())).extracting(CallDetails::cid).contains("appointment:" + id);
        _assertNone(Dialog.class);
    }

    @Test
    void a_bad_id_is_shown_at_the_field_and_the_form_keeps_what_was_typed() {
        openPage();
        _click(_get(Button.class, spec -> spec.withId("new-appointment")));
        typeSelect().setValue("appointment");
        TextField id = _get(TextField.class, spec -> spec.withId("appointment-id"));
        _setValue(id, "not valid!");
        _setValue(_get(TextField.class, spec -> spec.withId("appointment-title")), "Kept title");
        _setValue(members(), Set.of("bill"));
        _click(_get(Button.class, spec -> spec.withId("save-appointment")));

        assertThat(id.isInvalid()).isTrue();
        assertThat(id.getErrorMessage()).contains("letters, digits");
        assertThat(id.getValue()).isEqualTo("not valid!");
        assertThat(_get(TextField.class, spec -> spec.withId("appointment-title")).getValue()).isEqualTo("Kept title");
        assertThat(members().getValue()).containsExactly("bill");
    }

    @Test
    void a_taken_id_is_shown_at_the_id_field() {
        openPage();
        _click(_get(Button.class, spec -> spec.withId("new-appointment")));
        typeSelect().setValue("appointment");
        TextField id = _get(TextField.class, spec -> spec.withId("appointment-id"));
        _setValue(id, "test-call");
        _click(_get(Button.class, spec -> spec.withId("save-appointment")));
        assertThat(id.isInvalid()).isTrue();
        assertThat(id.getErrorMessage()).contains("already exists");
    }

    @Test
    void without_a_type_the_form_asks_for_one() {
        openPage();
        _click(_get(Button.class, spec -> spec.withId("new-appointment")));
        ComboBox<String> type = typeSelect();
        type.clear();
        _click(_get(Button.class, spec -> spec.withId("save-appointment")));
        assertThat(type.isInvalid()).isTrue();
        assertThat(type.getErrorMessage()).isEqualTo("Choose a call type");
    }

    @Test
    void an_override_out_of_range_is_shown_at_the_override() {
        openPage();
        _click(_get(Button.class, spec -> spec.withId("new-appointment")));
        typeSelect().setValue("appointment");
        DurationField override = _get(DurationField.class, spec -> spec.withId("appointment-duration-override"));
        _setValue(override, 90_000);
        _click(_get(Button.class, spec -> spec.withId("save-appointment")));
        assertThat(override.isInvalid()).isTrue();
        assertThat(override.getErrorMessage()).contains("between 0 and 24 h");
        assertThat(override.getValue()).isEqualTo(90_000);
        assertThat(override.getText()).isEqualTo("25 h");
    }

    @Test
    void a_broken_constraint_shows_under_its_field_as_the_admin_types() {
        openPage();
        _click(_get(Button.class, spec -> spec.withId("new-appointment")));
        DurationField override = _get(DurationField.class, spec -> spec.withId("appointment-duration-override"));
        TextField id = _get(TextField.class, spec -> spec.withId("appointment-id"));

        _setValue(override, 90_000);
        _setValue(id, "not valid!");
        assertThat(override.isInvalid()).isTrue();
        assertThat(override.getErrorMessage())
                .isEqualTo("Duration override must be between 0 and 24 h (0: no time limit)");
        assertThat(id.isInvalid()).isTrue();
        assertThat(id.getErrorMessage())
                .isEqualTo("Appointment id may hold only letters, digits, '_' or '-' (1 to 64 characters)");

        _setValue(override, 86_400);
        assertThat(override.isInvalid()).isFalse();
    }

    @Test
    void saving_shows_every_broken_field_at_once_without_asking_the_service() {
        openPage();
        _click(_get(Button.class, spec -> spec.withId("new-appointment")));
        // The service would refuse only the first broken field, and clear the others.
        ComboBox<String> type = typeSelect();
        type.clear();
        TextField title = _get(TextField.class, spec -> spec.withId("appointment-title"));
        DurationField override = _get(DurationField.class, spec -> spec.withId("appointment-duration-override"));
        _setValue(title, "t".repeat(NewCall.TITLE_MAX + 1));
        override.setText("soon");
        _click(_get(Button.class, spec -> spec.withId("save-appointment")));

        assertThat(type.isInvalid()).isTrue();
        assertThat(title.isInvalid()).isTrue();
        assertThat(title.getErrorMessage()).isEqualTo("Title may have at most 200 characters");
        assertThat(override.isInvalid()).isTrue();
        assertThat(override.getErrorMessage()).startsWith("“soon” is no duration");
        assertThat(override.getText()).as("what was typed stays").isEqualTo("soon");
        _get(Dialog.class, spec -> spec.withId("appointment-dialog"));
    }

    @Test
    void an_override_of_odd_seconds_set_through_the_api_survives_an_edit_of_the_title() {
        CallDetails call = calls.create(Actor.api(), new NewCall("appointment", freshId("odd"), "Odd",
                List.of("dr-lecter", "bill"), "dr-lecter", Instant.parse("2026-04-01T08:00:00Z"), 1830));
        openPage();
        edit(call.cid());
        DurationField override = _get(DurationField.class, spec -> spec.withId("appointment-duration-override"));
        assertThat(override.getText()).as("shown in human units").isEqualTo("30 min 30 s");
        assertThat(override.getHelperText()).contains("30 min 30 s");
        _setValue(_get(TextField.class, spec -> spec.withId("appointment-title")), "Still odd");
        _click(_get(Button.class, spec -> spec.withId("save-appointment")));
        assertThat(calls.getVisible(Actor.api(), "appointment", call.id()).maxDurationOverride()).isEqualTo(1830);
    }

    @Test
    void admin_edits_title_start_members_and_override() {
        CallDetails call = calls.create(Actor.api(), new NewCall("appointment", freshId("edit"), "Before",
                List.of("dr-lecter", "bill"), "dr-lecter", Instant.parse("2026-04-01T08:00:00Z"), null));
        AdminAppointmentsView view = openPage();
        edit(call.cid());
        assertThat(_get(TextField.class, spec -> spec.withId("appointment-id")).isReadOnly()).isTrue();
        assertThat(typeSelect().isReadOnly()).isTrue();
        assertThat(_get(TextField.class, spec -> spec.withId("appointment-title")).getValue()).isEqualTo("Before");

        _setValue(_get(TextField.class, spec -> spec.withId("appointment-title")), "After");
        _setValue(members(), Set.of("dr-lecter", "clarice"));
        LocalDateTime start = LocalDateTime.of(2026, 4, 2, 9, 15);
        _setValue(_get(DateTimePicker.class, spec -> spec.withId("appointment-start")), start);
        _setValue(_get(DurationField.class, spec -> spec.withId("appointment-duration-override")), 1200);
        _click(_get(Button.class, spec -> spec.withId("save-appointment")));

        CallDetails changed = calls.getVisible(actor("clarice"), "appointment", call.id());
        assertThat(changed.title()).isEqualTo("After");
        assertThat(changed.members()).containsExactlyInAnyOrder("dr-lecter", "clarice");
        assertThat(changed.scheduledStart()).isEqualTo(start.atZone(view.zone()).toInstant());
        assertThat(changed.maxDurationOverride()).isEqualTo(1200);
        assertThat(calls.findVisible(actor("bill"), "appointment", call.id())).isEmpty();
    }

    @Test
    void admin_deletes_a_scheduled_appointment() {
        CallDetails call = calls.create(Actor.api(), new NewCall("appointment", freshId("del"), null,
                List.of("bill"), null, null, null));
        openPage();
        edit(call.cid());
        _click(_get(Button.class, spec -> spec.withId("delete-appointment")));
        _fireConfirm(_get(ConfirmDialog.class, spec -> spec.withId("confirm-delete-appointment")));
        assertThat(calls.findVisible(actor("bill"), "appointment", call.id())).isEmpty();
        assertThat(GridKt._findAll(grid())).extracting(CallDetails::cid).doesNotContain(call.cid());
    }

    @Test
    void deleting_an_appointment_in_progress_shows_the_reason_and_keeps_it() {
        String type = freshId("live");
        types.create(Actor.api(), CallTypeSettings.defaults(type, 1800).withGrants(Map.of(
                "specialist", EnumSet.of(Capability.JOIN_CALL, Capability.END_CALL))));
        CallDetails call = calls.create(Actor.api(), new NewCall(type, freshId("run"), null,
                List.of("dr-lecter"), null, null, null));
        timers.join(actor("dr-lecter"), type, call.id(), null);
        try {
            openPage();
            edit(call.cid());
            assertThat(_get(DurationField.class, spec -> spec.withId("appointment-duration-override")).isReadOnly()).isTrue();
            _click(_get(Button.class, spec -> spec.withId("delete-appointment")));
            _fireConfirm(_get(ConfirmDialog.class, spec -> spec.withId("confirm-delete-appointment")));

            assertThat(_get(Div.class, spec -> spec.withId("appointment-error")).getText()).contains("in progress");
            assertThat(calls.getVisible(actor("dr-lecter"), type, call.id()).state()).isEqualTo(CallState.IN_PROGRESS);
        } finally {
            timers.end(actor("dr-lecter"), type, call.id());
        }
    }

    @Test
    void the_list_can_be_narrowed_to_past_appointments() {
        openPage();
        @SuppressWarnings("unchecked")
        Select<AdminAppointmentsView.Show> show = _get(Select.class, spec -> spec.withId("appointment-show"));
        show.setValue(AdminAppointmentsView.Show.PAST);
        assertThat(GridKt._findAll(grid())).isNotEmpty().allSatisfy(c -> assertThat(c.state()).isEqualTo(CallState.ENDED));
        assertThat(GridKt._findAll(grid())).extracting(CallDetails::cid).contains("appointment:first-visit");
    }

    private AdminAppointmentsView openPage() {
        login("admin");
        UI.getCurrent().navigate("admin/appointments");
        return _get(AdminAppointmentsView.class);
    }

    @SuppressWarnings("unchecked")
    private static Grid<CallDetails> grid() {
        return _get(Grid.class, spec -> spec.withId("appointments-grid"));
    }

    @SuppressWarnings("unchecked")
    private static ComboBox<String> typeSelect() {
        return _get(ComboBox.class, spec -> spec.withId("appointment-type"));
    }

    @SuppressWarnings("unchecked")
    private static MultiSelectComboBox<String> members() {
        return _get(MultiSelectComboBox.class, spec -> spec.withId("appointment-members"));
    }

    private static void edit(String cid) {
        int row = GridKt._findAll(grid()).stream().map(CallDetails::cid).toList().indexOf(cid);
        assertThat(row).as("row of " + cid).isNotNegative();
        _click((Button) GridKt._getCellComponent(grid(), row, "actions"));
    }
}
