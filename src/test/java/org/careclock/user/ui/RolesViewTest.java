package org.careclock.user.ui;

import com.github.mvysny.kaributesting.v10.GridKt;
import com.vaadin.flow.component.UI;
import org.careclock.base.ui.ForbiddenAsNotFoundView;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.confirmdialog.ConfirmDialog;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.textfield.TextField;
import org.careclock.base.Actor;
import org.careclock.testing.KaribuTest;
import org.careclock.user.RoleInfo;
import org.careclock.user.RoleService;
import org.careclock.user.UserService;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import static com.github.mvysny.kaributesting.v10.LocatorJ._assertNone;
import static com.github.mvysny.kaributesting.v10.LocatorJ._click;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static com.github.mvysny.kaributesting.v10.LocatorJ._setValue;
import static com.github.mvysny.kaributesting.v10.pro.ConfirmDialogKt._fireConfirm;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class RolesViewTest extends KaribuTest {

    @Autowired
    RoleService roles;

    @Test
    void patient_cannot_open_roles() {
        login("bill");
        UI.getCurrent().navigate("admin/roles");
        // Answered like an address nothing serves: no trace of the page.
        _get(ForbiddenAsNotFoundView.class);
        _assertNone(RolesView.class);
    }

    @Test
    void specialist_cannot_open_roles() {
        login("dr-lecter");
        UI.getCurrent().navigate("admin/roles");
        // Answered like an address nothing serves: no trace of the page.
        _get(ForbiddenAsNotFoundView.class);
        _assertNone(RolesView.class);
    }

    @Test
    void admin_sees_the_built_in_roles() {
        openPage();
        assertThat(GridKt._findAll(grid())).extracting(RoleInfo::name).contains("admin", "patient", "specialist");
    }

    @Test
    void admin_adds_a_role_that_then_appears_in_the_list() {
        String name = freshId("nurse");
        openPage();
        _click(_get(Button.class, spec -> spec.withId("new-role")));
        _setValue(_get(TextField.class, spec -> spec.withId("role-name")), name);
        _setValue(_get(TextField.class, spec -> spec.withId("role-description")), "Ward nurses");
        _click(_get(Button.class, spec -> spec.withId("save-role")));

        assertThat(roles.list()).contains(new RoleInfo(name, "Ward nurses", false));
        assertThat(GridKt._findAll(grid())).extracting(RoleInfo::name).contains(name);
        _assertNone(Dialog.class);
    }

    @Test
    void a_bad_name_is_shown_at_the_field_and_what_was_typed_stays() {
        openPage();
        _click(_get(Button.class, spec -> spec.withId("new-role")));
        TextField name = _get(TextField.class, spec -> spec.withId("role-name"));
        TextField description = _get(TextField.class, spec -> spec.withId("role-description"));
        _setValue(name, "Head Nurse");
        _setValue(description, "Leads the ward");
        _click(_get(Button.class, spec -> spec.withId("save-role")));

        assertThat(name.isInvalid()).isTrue();
        assertThat(name.getErrorMessage()).contains("lower-case letter");
        assertThat(name.getValue()).isEqualTo("Head Nurse");
        assertThat(description.getValue()).isEqualTo("Leads the ward");
        assertThat(roles.exists("Head Nurse")).isFalse();
    }

    @Test
    void a_bad_name_shows_under_the_field_as_the_admin_types() {
        openPage();
        _click(_get(Button.class, spec -> spec.withId("new-role")));
        TextField name = _get(TextField.class, spec -> spec.withId("role-name"));
        _setValue(name, "Head Nurse");
        assertThat(name.isInvalid()).isTrue();
        assertThat(name.getErrorMessage()).isEqualTo("Role name must start with a lower-case letter and hold only "
                + "a-z, 0-9, '_' or '-' (at most 64 characters)");
        _setValue(name, "head-nurse");
        assertThat(name.isInvalid()).isFalse();
    }

    @Test
    void a_long_description_is_refused_before_the_service_is_asked() {
        openPage();
        _click(_get(Button.class, spec -> spec.withId("new-role")));
        // The name is taken: had the service been asked, it would say so under the name.
        TextField name = _get(TextField.class, spec -> spec.withId("role-name"));
        TextField description = _get(TextField.class, spec -> spec.withId("role-description"));
        _setValue(name, "patient");
        _setValue(description, "d".repeat(RoleService.DESCRIPTION_MAX + 1));
        _click(_get(Button.class, spec -> spec.withId("save-role")));

        assertThat(description.isInvalid()).isTrue();
        assertThat(description.getErrorMessage()).isEqualTo("Description may have at most 200 characters");
        assertThat(name.isInvalid()).isFalse();
    }

    @Test
    void adding_a_taken_name_says_so_at_the_name() {
        openPage();
        _click(_get(Button.class, spec -> spec.withId("new-role")));
        TextField name = _get(TextField.class, spec -> spec.withId("role-name"));
        _setValue(name, "patient");
        _click(_get(Button.class, spec -> spec.withId("save-role")));
        assertThat(name.isInvalid()).isTrue();
        assertThat(name.getErrorMessage()).contains("already exists");
    }

    @Test
    void admin_edits_a_description() {
        String name = freshId("porter");
        roles.create(Actor.api(), name, "old");
        openPage();
        edit(name);
        assertThat(_get(TextField.class, spec -> spec.withId("role-name")).isReadOnly()).isTrue();
        _setValue(_get(TextField.class, spec -> spec.withId("role-description")), "Moves patients");
        _click(_get(Button.class, spec -> spec.withId("save-role")));
        assertThat(roles.list()).contains(new RoleInfo(name, "Moves patients", false));
    }

    @Test
    void a_built_in_role_offers_no_delete() {
        openPage();
        edit("patient");
        _assertNone(Button.class, spec -> spec.withId("delete-role"));
    }

    @Test
    void deleting_a_role_in_use_shows_the_services_reason() {
        String name = freshId("locum");
        roles.create(Actor.api(), name, "");
        users.create(Actor.api(), new UserService.UserForm(freshId("locum-user"), "Locum", name, true, null));
        openPage();
        edit(name);
        _click(_get(Button.class, spec -> spec.withId("delete-role")));
        _fireConfirm(_get(ConfirmDialog.class, spec -> spec.withId("confirm-delete-role")));

        Div message = _get(Div.class, spec -> spec.withId("role-error"));
        assertThat(message.getText()).contains("still has users");
        assertThat(roles.exists(name)).isTrue();
    }

    @Test
    void deleting_an_unused_role_removes_it() {
        String name = freshId("temp");
        roles.create(Actor.api(), name, "");
        openPage();
        edit(name);
        _click(_get(Button.class, spec -> spec.withId("delete-role")));
        _fireConfirm(_get(ConfirmDialog.class, spec -> spec.withId("confirm-delete-role")));
        assertThat(roles.exists(name)).isFalse();
        assertThat(GridKt._findAll(grid())).extracting(RoleInfo::name).doesNotContain(name);
    }

    private void openPage() {
        login("admin");
        UI.getCurrent().navigate("admin/roles");
        _get(RolesView.class);
    }

    @SuppressWarnings("unchecked")
    private static Grid<RoleInfo> grid() {
        return _get(Grid.class, spec -> spec.withId("roles-grid"));
    }

    private static void edit(String name) {
        int row = GridKt._findAll(grid()).stream().map(RoleInfo::name).toList().indexOf(name);
        assertThat(row).as("row of " + name).isNotNegative();
        _click((Button) GridKt._getCellComponent(grid(), row, "actions"));
    }
}
