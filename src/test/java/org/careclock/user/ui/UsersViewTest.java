package org.careclock.user.ui;

import com.github.mvysny.kaributesting.v10.GridKt;
import com.github.mvysny.kaributesting.v10.NotificationsKt;
import com.vaadin.flow.component.UI;
import org.careclock.base.ui.ForbiddenAsNotFoundView;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.textfield.PasswordField;
import com.vaadin.flow.component.textfield.TextField;
import org.careclock.base.Actor;
import org.careclock.base.SignInLocks;
import com.vaadin.flow.component.html.Span;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;
import org.springframework.web.context.WebApplicationContext;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.setup.SecurityMockMvcConfigurers.springSecurity;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import org.careclock.testing.KaribuTest;
import org.careclock.user.UserInfo;
import org.careclock.user.UserService;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.crypto.password.PasswordEncoder;

import static com.github.mvysny.kaributesting.v10.LocatorJ._assertNone;
import static com.github.mvysny.kaributesting.v10.LocatorJ._click;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static com.github.mvysny.kaributesting.v10.LocatorJ._setValue;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class UsersViewTest extends KaribuTest {

    @Autowired
    PasswordEncoder passwordEncoder;
    @Autowired
    SignInLocks locks;
    @Autowired
    WebApplicationContext context;

    @Test
    void patient_cannot_open_users() {
        login("bill");
        UI.getCurrent().navigate("admin/users");
        // Answered like an address nothing serves: no trace of the page.
        _get(ForbiddenAsNotFoundView.class);
        _assertNone(UsersView.class);
    }

    @Test
    void specialist_cannot_open_users() {
        login("dr-lecter");
        UI.getCurrent().navigate("admin/users");
        // Answered like an address nothing serves: no trace of the page.
        _get(ForbiddenAsNotFoundView.class);
        _assertNone(UsersView.class);
    }

    @Test
    void admin_sees_every_user() {
        openPage();
        assertThat(GridKt._findAll(grid())).extracting(UserInfo::id).contains("admin", "bill", "clarice", "dr-lecter");
    }

    @Test
    void fields_take_their_limits_from_the_service() {
        openPage();
        _click(_get(Button.class, spec -> spec.withId("new-user")));
        assertThat(_get(TextField.class, spec -> spec.withId("user-id")).getMaxLength()).isEqualTo(UserService.ID_MAX);
        assertThat(_get(TextField.class, spec -> spec.withId("user-name")).getMaxLength()).isEqualTo(UserService.NAME_MAX);
        assertThat(_get(PasswordField.class, spec -> spec.withId("user-password")).getMaxLength()).isEqualTo(UserService.PASSWORD_MAX);
    }

    @Test
    void admin_creates_a_user_who_can_then_sign_in() {
        String id = freshId("will");
        openPage();
        _click(_get(Button.class, spec -> spec.withId("new-user")));
        _setValue(_get(TextField.class, spec -> spec.withId("user-id")), id);
        _setValue(_get(TextField.class, spec -> spec.withId("user-name")), "Will Graham");
        select().setValue("specialist");
        _setValue(_get(PasswordField.class, spec -> spec.withId("user-password")), "graham-pass-1");
        _click(_get(Button.class, spec -> spec.withId("save-user")));

        assertThat(users.find(id)).contains(new UserInfo(id, "Will Graham", "specialist", true, true));
        assertThat(passwordEncoder.matches("graham-pass-1", users.credentials(id).orElseThrow().passwordHash())).isTrue();
        assertThat(GridKt._findAll(grid())).extracting(UserInfo::id).contains(id);
        _assertNone(Dialog.class);
    }

    @Test
    void a_short_password_is_shown_at_the_field_and_everything_typed_stays() {
        String id = freshId("short");
        openPage();
        _click(_get(Button.class, spec -> spec.withId("new-user")));
        _setValue(_get(TextField.class, spec -> spec.withId("user-id")), id);
        _setValue(_get(TextField.class, spec -> spec.withId("user-name")), "Short Password");
        PasswordField password = _get(PasswordField.class, spec -> spec.withId("user-password"));
        _setValue(password, "short");
        _click(_get(Button.class, spec -> spec.withId("save-user")));

        assertThat(password.isInvalid()).isTrue();
        assertThat(password.getErrorMessage()).contains("8 to 128");
        assertThat(password.getValue()).isEqualTo("short");
        assertThat(_get(TextField.class, spec -> spec.withId("user-id")).getValue()).isEqualTo(id);
        assertThat(_get(TextField.class, spec -> spec.withId("user-name")).getValue()).isEqualTo("Short Password");
        assertThat(users.exists(id)).isFalse();
    }

    @Test
    void a_taken_id_is_shown_at_the_id_field() {
        openPage();
        _click(_get(Button.class, spec -> spec.withId("new-user")));
        TextField id = _get(TextField.class, spec -> spec.withId("user-id"));
        _setValue(id, "bill");
        _setValue(_get(TextField.class, spec -> spec.withId("user-name")), "Other Bill");
        _setValue(_get(PasswordField.class, spec -> spec.withId("user-password")), "other-bill-1");
        _click(_get(Button.class, spec -> spec.withId("save-user")));
        assertThat(id.isInvalid()).isTrue();
        assertThat(id.getErrorMessage()).contains("already exists");
        assertThat(users.find("bill").orElseThrow().displayName()).isEqualTo("Buffalo Bill");
    }

    @Test
    void a_broken_constraint_shows_under_its_field_as_the_admin_types() {
        openPage();
        _click(_get(Button.class, spec -> spec.withId("new-user")));
        TextField id = _get(TextField.class, spec -> spec.withId("user-id"));
        PasswordField password = _get(PasswordField.class, spec -> spec.withId("user-password"));

        assertThat(id.isRequiredIndicatorVisible()).isTrue();
        assertThat(_get(TextField.class, spec -> spec.withId("user-name")).isRequiredIndicatorVisible()).isTrue();
        assertThat(password.isRequiredIndicatorVisible()).isTrue();

        _setValue(id, "Not Valid");
        _setValue(password, "short");
        assertThat(id.isInvalid()).isTrue();
        assertThat(id.getErrorMessage()).isEqualTo("User id may hold only a-z, 0-9, '@', '.', '_' or '-' (1 to 64 characters)");
        assertThat(password.isInvalid()).isTrue();
        assertThat(password.getErrorMessage()).isEqualTo("Password must have 8 to 128 characters");

        _setValue(id, "not-valid");
        assertThat(id.isInvalid()).isFalse();
    }

    @Test
    void saving_shows_every_broken_field_at_once_without_asking_the_service() {
        openPage();
        _click(_get(Button.class, spec -> spec.withId("new-user")));
        // The service would refuse only the first broken field, and clear the others.
        TextField id = _get(TextField.class, spec -> spec.withId("user-id"));
        TextField name = _get(TextField.class, spec -> spec.withId("user-name"));
        PasswordField password = _get(PasswordField.class, spec -> spec.withId("user-password"));
        _setValue(id, "Not Valid");
        _setValue(password, "short");
        _click(_get(Button.class, spec -> spec.withId("save-user")));

        assertThat(id.isInvalid()).isTrue();
        assertThat(name.isInvalid()).isTrue();
        assertThat(name.getErrorMessage()).isEqualTo("Display name is required");
        assertThat(password.isInvalid()).isTrue();
        assertThat(users.exists("Not Valid")).isFalse();
        _get(Dialog.class, spec -> spec.withId("user-dialog"));
    }

    @Test
    void admin_edits_name_role_and_enabled() {
        String id = newUser();
        openPage();
        clickAction(id, 0);
        assertThat(_get(TextField.class, spec -> spec.withId("user-id")).isReadOnly()).isTrue();
        _setValue(_get(TextField.class, spec -> spec.withId("user-name")), "Renamed");
        select().setValue("specialist");
        _setValue(_get(Checkbox.class, spec -> spec.withId("user-enabled")), false);
        _click(_get(Button.class, spec -> spec.withId("save-user")));

        assertThat(users.find(id)).contains(new UserInfo(id, "Renamed", "specialist", false, true));
    }

    @Test
    void admin_disables_and_enables_a_user_from_the_list() {
        String id = newUser();
        openPage();
        clickAction(id, 1);
        assertThat(users.find(id).orElseThrow().enabled()).isFalse();
        clickAction(id, 1);
        assertThat(users.find(id).orElseThrow().enabled()).isTrue();
    }

    @Test
    void disabling_ones_own_account_is_refused_with_a_message() {
        openPage();
        clickAction("admin", 1);
        assertThat(NotificationsKt.getNotifications()).extracting(Notification::getElement)
                .anySatisfy(e -> assertThat(e.getProperty("text", "") + e.getText()).contains("your own account"));
        assertThat(users.find("admin").orElseThrow().enabled()).isTrue();
    }

    @Test
    void admin_sets_a_new_password() {
        String id = newUser();
        openPage();
        clickAction(id, 0);
        _click(_get(Button.class, spec -> spec.withId("reset-password")));
        PasswordField password = _get(PasswordField.class, spec -> spec.withId("new-password"));
        _setValue(password, "tiny");
        _click(_get(Button.class, spec -> spec.withId("save-password")));
        assertThat(password.isInvalid()).isTrue();
        assertThat(password.getValue()).isEqualTo("tiny");

        _setValue(password, "brand-new-pass");
        _click(_get(Button.class, spec -> spec.withId("save-password")));
        assertThat(passwordEncoder.matches("brand-new-pass", users.credentials(id).orElseThrow().passwordHash())).isTrue();
        _assertNone(Dialog.class, spec -> spec.withId("reset-password-dialog"));
    }

    private String newUser() {
        String id = freshId("u");
        users.create(Actor.api(), new UserService.UserForm(id, "User " + id, "patient", true, "first-pass-1"));
        return id;
    }

    @Test
    void a_locked_account_shows_as_locked_and_an_admin_unlocks_it() throws Exception {
        String id = freshId("locked");
        users.provision(id, "Locked Out", "patient", PASSWORD);
        MockMvc mvc = MockMvcBuilders.webAppContextSetup(context).apply(springSecurity()).build();
        for (int i = 0; i < 5; i++) {
            mvc.perform(post("/login").param("username", id).param("password", "wrong-password").with(csrf())
                    .with(r -> { r.setRemoteAddr("10.55.0.9"); return r; }));
        }
        openPage();
        int row = GridKt._findAll(grid()).stream().map(UserInfo::id).toList().indexOf(id);
        Span status = (Span) GridKt._getCellComponent(grid(), row, "status");
        assertThat(status.getText()).startsWith("locked until");
        assertThat(locks.locked(actor("admin"))).containsKey(id);

        clickAction(id, 2);
        assertThat(locks.locked(actor("admin"))).doesNotContainKey(id);
        row = GridKt._findAll(grid()).stream().map(UserInfo::id).toList().indexOf(id);
        assertThat(((Span) GridKt._getCellComponent(grid(), row, "status")).getText()).isEqualTo("enabled");
        assertThat(((HorizontalLayout) GridKt._getCellComponent(grid(), row, "actions")).getComponentCount())
                .as("no unlock button any more").isEqualTo(2);
    }

    private void openPage() {
        login("admin");
        UI.getCurrent().navigate("admin/users");
        _get(UsersView.class);
    }

    @SuppressWarnings("unchecked")
    private static Grid<UserInfo> grid() {
        return _get(Grid.class, spec -> spec.withId("users-grid"));
    }

    @SuppressWarnings("unchecked")
    private static ComboBox<String> select() {
        return _get(ComboBox.class, spec -> spec.withId("user-role"));
    }

    /** Clicks the row's action button: 0 Edit, 1 Disable/Enable, 2 Unlock (on a locked account). */
    private static void clickAction(String id, int index) {
        int row = GridKt._findAll(grid()).stream().map(UserInfo::id).toList().indexOf(id);
        assertThat(row).as("row of " + id).isNotNegative();
        HorizontalLayout actions = (HorizontalLayout) GridKt._getCellComponent(grid(), row, "actions");
        clickAsBrowser((Button) actions.getComponentAt(index));
    }
}
