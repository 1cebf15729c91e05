package org.careclock.calltype.ui;

import com.github.mvysny.kaributesting.v10.GridKt;
import com.vaadin.flow.component.UI;
import org.careclock.base.ui.ForbiddenAsNotFoundView;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.confirmdialog.ConfirmDialog;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Div;
import org.careclock.base.ui.DurationField;
import com.vaadin.flow.component.textfield.TextField;
import org.careclock.calltype.CallTypeService;
import org.careclock.calltype.CallTypeSettings;
import org.careclock.calltype.Capability;
import org.careclock.base.Actor;
import org.careclock.base.Roles;
import org.careclock.testing.KaribuTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

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

class CallTypesViewTest extends KaribuTest {

    @Autowired
    CallTypeService types;

    @Test
    void patient_cannot_open_call_types() {
        login("bill");
        UI.getCurrent().navigate("admin/call-types");
        // Answered like an address nothing serves: no trace of the page.
        _get(ForbiddenAsNotFoundView.class);
        _assertNone(CallTypesView.class);
        _assertNone(Button.class, spec -> spec.withId("new-call-type"));
    }

    @Test
    void specialist_cannot_open_call_types() {
        login("dr-lecter");
        UI.getCurrent().navigate("admin/call-types");
        // Answered like an address nothing serves: no trace of the page.
        _get(ForbiddenAsNotFoundView.class);
        _assertNone(CallTypesView.class);
    }

    @Test
    void admin_sees_the_call_types_with_human_durations() {
        login("admin");
        UI.getCurrent().navigate("admin/call-types");
        _get(CallTypesView.class);
        @SuppressWarnings("unchecked")
        Grid<CallTypeSettings> grid = _get(Grid.class, spec -> spec.withId("call-types-grid"));
        List<CallTypeSettings> rows = GridKt._findAll(grid);
        int row = rows.stream().map(CallTypeSettings::name).toList().indexOf("appointment");
        assertThat(row).isNotNegative();
        assertThat(GridKt._getFormatted(grid, row, "max-duration")).isEqualTo("1 h");
        assertThat(GridKt._getFormatted(grid, row, "alerts")).isEqualTo("20 min, 5 min");
        assertThat(GridKt._getFormatted(grid, row, "extensions")).isEqualTo("+10 min, +30 min");
    }

    @Test
    void admin_creates_a_call_type_with_the_grants_ticked() {
        String name = freshId("consult");
        login("admin");
        UI.getCurrent().navigate("admin/call-types");
        _click(_get(Button.class, spec -> spec.withId("new-call-type")));

        _setValue(_get(TextField.class, spec -> spec.withId("call-type-name")), name);
        _setValue(_get(DurationField.class, spec -> spec.withId("call-type-max-duration")), 2700);
        _setValue(_get(TextField.class, spec -> spec.withId("call-type-alert-thresholds")), "1 min, 10 min");
        _setValue(_get(TextField.class, spec -> spec.withId("call-type-extension-steps")), "5 min");
        untickAll();
        tick("patient", Capability.JOIN_CALL);
        tick("specialist", Capability.JOIN_CALL);
        tick("specialist", Capability.UPDATE_CALL);
        tick("specialist", Capability.UPDATE_CALL_SETTINGS);
        _click(_get(Button.class, spec -> spec.withId("save-call-type")));

        CallTypeSettings saved = types.get(name);
        assertThat(saved.maxDurationSeconds()).isEqualTo(2700);
        assertThat(saved.alertThresholdsSeconds()).containsExactly(600, 60);
        assertThat(saved.extensionStepsSeconds()).containsExactly(300);
        assertThat(saved.grants()).isEqualTo(Map.of(
                "patient", Set.of(Capability.JOIN_CALL),
                "specialist", Set.of(Capability.JOIN_CALL, Capability.UPDATE_CALL, Capability.UPDATE_CALL_SETTINGS)));
        _assertNone(Dialog.class);
    }

    @Test
    void the_grants_matrix_says_in_plain_words_what_each_capability_allows() {
        login("admin");
        UI.getCurrent().navigate("admin/call-types");
        _click(_get(Button.class, spec -> spec.withId("new-call-type")));
        String head = _get(com.vaadin.flow.component.html.NativeTable.class, spec -> spec.withId("grants-matrix"))
                .getHead().getElement().getTextRecursively();
        assertThat(head).contains("End it for everyone").contains("Open an ended call").contains("Extend a running call");
        assertThat(box("patient", Capability.JOIN_ENDED_CALL).getAriaLabel()).contains("patient: Open an ended call");
        for (Capability c : Capability.values()) {
            assertThat(CallTypeEditor.label(c)).as("plain words for %s", c.wireName()).doesNotContain("-");
        }
    }

    @Test
    void the_grants_come_before_the_idle_settings_so_every_role_is_in_view() {
        login("admin");
        UI.getCurrent().navigate("admin/call-types");
        _click(_get(Button.class, spec -> spec.withId("new-call-type")));
        Dialog dialog = _get(Dialog.class, spec -> spec.withId("call-type-dialog"));
        java.util.List<com.vaadin.flow.component.Component> parts = dialog.getChildren().toList();
        int grants = parts.indexOf(_get(com.vaadin.flow.component.html.NativeTable.class,
                spec -> spec.withId("grants-matrix")).getParent().orElseThrow());
        int idle = parts.indexOf(_get(DurationField.class,
                spec -> spec.withId("call-type-idle-timeout")).getParent().orElseThrow());
        assertThat(grants).isNotNegative().isLessThan(idle);
    }

    @Test
    void derived_change_max_duration_follows_the_two_ticks() {
        login("admin");
        UI.getCurrent().navigate("admin/call-types");
        _click(_get(Button.class, spec -> spec.withId("new-call-type")));
        untickAll();
        Checkbox derived = _get(Checkbox.class, spec -> spec.withId("derived-patient-change-max-duration"));
        assertThat(derived.isReadOnly()).isTrue();
        assertThat(derived.getValue()).isFalse();

        tick("patient", Capability.UPDATE_CALL);
        assertThat(derived.getValue()).isFalse();
        tick("patient", Capability.UPDATE_CALL_SETTINGS);
        assertThat(derived.getValue()).isTrue();
        _setValue(box("patient", Capability.UPDATE_CALL), false);
        assertThat(derived.getValue()).isFalse();
    }

    @Test
    void editing_shows_the_stored_grants_and_derived_capability() {
        String name = freshId("edit");
        types.create(Actor.api(), CallTypeSettings.defaults(name, 600).withGrants(Map.of(
                Roles.SPECIALIST, EnumSet.of(Capability.JOIN_CALL, Capability.UPDATE_CALL, Capability.UPDATE_CALL_SETTINGS))));
        login("admin");
        UI.getCurrent().navigate("admin/call-types");
        edit(name);

        assertThat(_get(TextField.class, spec -> spec.withId("call-type-name")).isReadOnly()).isTrue();
        assertThat(box("specialist", Capability.UPDATE_CALL).getValue()).isTrue();
        assertThat(box("patient", Capability.JOIN_CALL).getValue()).isFalse();
        assertThat(_get(Checkbox.class, spec -> spec.withId("derived-specialist-change-max-duration")).getValue()).isTrue();

        _setValue(_get(DurationField.class, spec -> spec.withId("call-type-max-duration")), 900);
        _setValue(box("specialist", Capability.UPDATE_CALL_SETTINGS), false);
        _click(_get(Button.class, spec -> spec.withId("save-call-type")));

        CallTypeSettings saved = types.get(name);
        assertThat(saved.maxDurationSeconds()).isEqualTo(900);
        assertThat(saved.grantsOf("specialist")).containsExactlyInAnyOrder(Capability.JOIN_CALL, Capability.UPDATE_CALL);
    }

    @Test
    void out_of_range_max_duration_is_shown_at_the_field_and_the_typed_values_stay() {
        String name = freshId("toolong");
        login("admin");
        UI.getCurrent().navigate("admin/call-types");
        _click(_get(Button.class, spec -> spec.withId("new-call-type")));
        _setValue(_get(TextField.class, spec -> spec.withId("call-type-name")), name);
        DurationField max = _get(DurationField.class, spec -> spec.withId("call-type-max-duration"));
        _setValue(max, 90_000);
        _setValue(_get(TextField.class, spec -> spec.withId("call-type-alert-thresholds")), "15 min");
        _click(_get(Button.class, spec -> spec.withId("save-call-type")));

        assertThat(max.isInvalid()).isTrue();
        assertThat(max.getErrorMessage()).contains("between 0 and 24 h");
        assertThat(max.getValue()).isEqualTo(90_000);
        assertThat(_get(TextField.class, spec -> spec.withId("call-type-name")).getValue()).isEqualTo(name);
        assertThat(_get(TextField.class, spec -> spec.withId("call-type-alert-thresholds")).getValue()).isEqualTo("15 min");
        assertThat(types.find(name)).isEmpty();
        _get(Dialog.class, spec -> spec.withId("call-type-dialog"));
    }

    @Test
    void idle_prompt_not_below_idle_timeout_is_shown_at_the_prompt_field() {
        login("admin");
        UI.getCurrent().navigate("admin/call-types");
        _click(_get(Button.class, spec -> spec.withId("new-call-type")));
        _setValue(_get(TextField.class, spec -> spec.withId("call-type-name")), freshId("idle"));
        _setValue(_get(DurationField.class, spec -> spec.withId("call-type-idle-timeout")), 60);
        DurationField prompt = _get(DurationField.class, spec -> spec.withId("call-type-idle-prompt"));
        _setValue(prompt, 60);
        _click(_get(Button.class, spec -> spec.withId("save-call-type")));

        assertThat(prompt.isInvalid()).isTrue();
        assertThat(prompt.getErrorMessage()).contains("less than");
        assertThat(prompt.getValue()).isEqualTo(60);
    }

    @Test
    void durations_are_typed_in_human_units_and_stored_in_seconds_and_bad_text_stays_as_typed() {
        login("admin");
        UI.getCurrent().navigate("admin/call-types");
        _click(_get(Button.class, spec -> spec.withId("new-call-type")));
        String name = freshId("human");
        _setValue(_get(TextField.class, spec -> spec.withId("call-type-name")), name);
        DurationField max = _get(DurationField.class, spec -> spec.withId("call-type-max-duration"));
        assertThat(max.getText()).as("the default hour, in words").isEqualTo("1 h");
        max.setText("an hour and a half");
        _click(_get(Button.class, spec -> spec.withId("save-call-type")));
        assertThat(max.isInvalid()).isTrue();
        assertThat(max.getErrorMessage()).isEqualTo(
                "“an hour and a half” is no duration. Type it like 1 h 30 min, 90 min, 45 s or 1:30:00.");
        assertThat(max.getText()).isEqualTo("an hour and a half");
        assertThat(types.find(name)).isEmpty();

        max.setText("1 h 30 min");
        _setValue(_get(TextField.class, spec -> spec.withId("call-type-alert-thresholds")), "20 min, 5 min, 30 s");
        assertThat(max.getHelperText()).startsWith("= 1 h 30 min");
        _click(_get(Button.class, spec -> spec.withId("save-call-type")));
        assertThat(types.get(name).maxDurationSeconds()).isEqualTo(5400);
        assertThat(types.get(name).alertThresholdsSeconds()).containsExactly(1200, 300, 30);
    }

    @Test
    void duplicate_threshold_and_unreadable_list_are_shown_at_their_fields() {
        login("admin");
        UI.getCurrent().navigate("admin/call-types");
        _click(_get(Button.class, spec -> spec.withId("new-call-type")));
        _setValue(_get(TextField.class, spec -> spec.withId("call-type-name")), freshId("dup"));
        TextField alerts = _get(TextField.class, spec -> spec.withId("call-type-alert-thresholds"));
        _setValue(alerts, "5 min, 5 min");
        _click(_get(Button.class, spec -> spec.withId("save-call-type")));
        assertThat(alerts.isInvalid()).isTrue();
        assertThat(alerts.getErrorMessage()).contains("5 min is in the list twice");

        TextField steps = _get(TextField.class, spec -> spec.withId("call-type-extension-steps"));
        _setValue(alerts, "5 min");
        _setValue(steps, "ten minutes");
        _click(_get(Button.class, spec -> spec.withId("save-call-type")));
        assertThat(alerts.isInvalid()).isFalse();
        assertThat(steps.isInvalid()).isTrue();
        assertThat(steps.getErrorMessage()).contains("“ten minutes” is no duration");
        assertThat(steps.getValue()).isEqualTo("ten minutes");
    }

    @Test
    void a_bad_name_is_shown_at_the_name_field() {
        login("admin");
        UI.getCurrent().navigate("admin/call-types");
        _click(_get(Button.class, spec -> spec.withId("new-call-type")));
        TextField name = _get(TextField.class, spec -> spec.withId("call-type-name"));
        _setValue(name, "Video Call");
        _click(_get(Button.class, spec -> spec.withId("save-call-type")));
        assertThat(name.isInvalid()).isTrue();
        assertThat(name.getErrorMessage()).contains("a-z");
        assertThat(name.getValue()).isEqualTo("Video Call");
    }

    @Test
    void a_broken_constraint_shows_under_its_field_as_the_admin_types() {
        login("admin");
        UI.getCurrent().navigate("admin/call-types");
        _click(_get(Button.class, spec -> spec.withId("new-call-type")));
        DurationField max = _get(DurationField.class, spec -> spec.withId("call-type-max-duration"));
        TextField alerts = _get(TextField.class, spec -> spec.withId("call-type-alert-thresholds"));

        _setValue(max, 90_000);
        assertThat(max.isInvalid()).isTrue();
        assertThat(max.getErrorMessage()).isEqualTo("Maximum duration must be between 0 and 24 h (0: no time limit)");
        assertThat(max.getText()).as("what the admin sees").isEqualTo("25 h");
        _setValue(alerts, "5 min, 5 min");
        assertThat(alerts.isInvalid()).isTrue();
        assertThat(alerts.getErrorMessage()).isEqualTo("5 min is in the list twice");

        _setValue(max, 86_400);
        _setValue(alerts, "5 min");
        assertThat(max.isInvalid()).isFalse();
        assertThat(alerts.isInvalid()).isFalse();
    }

    @Test
    void saving_shows_every_broken_field_at_once_without_asking_the_service() {
        login("admin");
        UI.getCurrent().navigate("admin/call-types");
        _click(_get(Button.class, spec -> spec.withId("new-call-type")));
        // The service would refuse only the first broken field (and clear the others), and the
        // taken name would then be a conflict in the message line.
        _setValue(_get(TextField.class, spec -> spec.withId("call-type-name")), "appointment");
        DurationField max = _get(DurationField.class, spec -> spec.withId("call-type-max-duration"));
        DurationField empty = _get(DurationField.class, spec -> spec.withId("call-type-empty-timeout"));
        _setValue(max, 90_000);
        _setValue(empty, 0);
        _click(_get(Button.class, spec -> spec.withId("save-call-type")));

        assertThat(max.isInvalid()).isTrue();
        assertThat(empty.isInvalid()).isTrue();
        assertThat(empty.getErrorMessage()).isEqualTo("Empty timeout must be between 1 s and 24 h");
        _assertNone(Div.class, spec -> spec.withId("call-type-error"));
        assertThat(types.get("appointment").maxDurationSeconds()).isEqualTo(3600);
        _get(Dialog.class, spec -> spec.withId("call-type-dialog"));
    }

    @Test
    void deleting_a_type_in_use_shows_the_reason_and_keeps_the_type() {
        login("admin");
        UI.getCurrent().navigate("admin/call-types");
        edit("appointment");
        _click(_get(Button.class, spec -> spec.withId("delete-call-type")));
        _fireConfirm(_get(ConfirmDialog.class, spec -> spec.withId("confirm-delete-call-type")));

        Div message = _get(Div.class, spec -> spec.withId("call-type-error"));
        assertThat(message.isVisible()).isTrue();
        assertThat(message.getText()).contains("cannot be deleted");
        assertThat(types.find("appointment")).isPresent();
    }

    @Test
    void deleting_an_unused_type_removes_it_from_the_list() {
        String name = freshId("unused");
        types.create(Actor.api(), CallTypeSettings.defaults(name, 600));
        login("admin");
        UI.getCurrent().navigate("admin/call-types");
        edit(name);
        _click(_get(Button.class, spec -> spec.withId("delete-call-type")));
        _fireConfirm(_get(ConfirmDialog.class, spec -> spec.withId("confirm-delete-call-type")));

        assertThat(types.find(name)).isEmpty();
        @SuppressWarnings("unchecked")
        Grid<CallTypeSettings> grid = _get(Grid.class, spec -> spec.withId("call-types-grid"));
        assertThat(GridKt._findAll(grid)).extracting(CallTypeSettings::name).doesNotContain(name);
    }

    /** Clicks the Edit button in the row of {@code name}. */
    private static void edit(String name) {
        @SuppressWarnings("unchecked")
        Grid<CallTypeSettings> grid = _get(Grid.class, spec -> spec.withId("call-types-grid"));
        int row = GridKt._findAll(grid).stream().map(CallTypeSettings::name).toList().indexOf(name);
        assertThat(row).as("row of " + name).isNotNegative();
        Button edit = (Button) GridKt._getCellComponent(grid, row, "actions");
        assertThat(edit.getId()).contains("edit-call-type-" + name);
        _click(edit);
    }

    private static Checkbox box(String role, Capability capability) {
        return _get(Checkbox.class, spec -> spec.withId("grant-" + role + "-" + capability.wireName()));
    }

    private static void tick(String role, Capability capability) {
        _setValue(box(role, capability), true);
    }

    private static void untickAll() {
        com.github.mvysny.kaributesting.v10.LocatorJ._find(Checkbox.class).stream()
                .filter(c -> c.getId().orElse("").startsWith("grant-"))
                .forEach(c -> _setValue(c, false));
    }
}
