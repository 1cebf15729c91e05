package org.careclock.user.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.RolesAllowed;
import org.careclock.base.ui.AdminPage;
import org.careclock.base.ui.Notifications;
import org.careclock.base.CurrentUser;
import org.careclock.base.Roles;
import org.careclock.user.RoleService;
import org.careclock.user.UserInfo;
import org.careclock.user.UserService;

import java.util.Locale;

/** Administration of users: create, edit, disable or enable, set a new password. */
@Route("admin/users")
@PageTitle("Users · CareClock")
@RolesAllowed(Roles.ADMIN_AUTHORITY)
public class UsersView extends VerticalLayout {

    private final UserService users;
    private final RoleService roles;
    private final CurrentUser currentUser;
    private final Grid<UserInfo> grid = new Grid<>();
    private final TextField filter = new TextField();

    public UsersView(UserService users, RoleService roles, CurrentUser currentUser) {
        this.users = users;
        this.roles = roles;
        this.currentUser = currentUser;
        addClassNames("page", "admin-view");
        setSpacing(false);

        Button create = new Button("New user", VaadinIcon.PLUS.create(), e -> open(null));
        create.setId("new-user");
        create.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        HorizontalLayout header = AdminPage.header("Users", create);

        AdminPage.search(filter, "user-filter", "Find by id, name or role", "Find users", "18rem", this::applyFilter);

        grid.setId("users-grid");
        grid.addThemeVariants(GridVariant.LUMO_ROW_STRIPES);
        grid.setHeight("32rem");
        grid.addColumn(UserInfo::id).setHeader("User id").setKey("id").setSortable(true);
        grid.addColumn(UserInfo::displayName).setHeader("Name").setKey("name").setSortable(true).setFlexGrow(2);
        grid.addColumn(UserInfo::role).setHeader("Role").setKey("role").setSortable(true);
        grid.addComponentColumn(UsersView::status).setHeader("Status").setKey("status").setAutoWidth(true);
        grid.addComponentColumn(this::actions).setHeader("").setKey("actions").setAutoWidth(true).setFlexGrow(0);
        grid.setEmptyStateText("No users match.");

        add(header, filter, grid);
        refresh();
    }

    private void refresh() {
        grid.setItems(users.list(currentUser.actor()));
        applyFilter();
    }

    private void applyFilter() {
        String text = filter.getValue().strip().toLowerCase(Locale.ROOT);
        grid.getListDataView().setFilter(u -> text.isEmpty() || u.id().toLowerCase(Locale.ROOT).contains(text)
                || u.displayName().toLowerCase(Locale.ROOT).contains(text) || u.role().toLowerCase(Locale.ROOT).contains(text));
    }

    private static Span status(UserInfo u) {
        Span tag = new Span(!u.enabled() ? "disabled" : u.hasPassword() ? "enabled" : "no password");
        tag.addClassNames("tag", !u.enabled() ? "tag-off" : u.hasPassword() ? "tag-ok" : "tag-warn");
        if (u.enabled() && !u.hasPassword()) {
            tag.setTitle("Cannot sign in until a password is set");
        }
        return tag;
    }

    private HorizontalLayout actions(UserInfo u) {
        Button edit = new Button("Edit", e -> open(u));
        edit.setId("edit-user-" + u.id());
        edit.setAriaLabel("Edit user " + u.id());
        edit.addThemeVariants(ButtonVariant.LUMO_TERTIARY_INLINE);
        Button toggle = new Button(u.enabled() ? "Disable" : "Enable", e -> toggle(u));
        toggle.setId("toggle-user-" + u.id());
        toggle.setAriaLabel((u.enabled() ? "Disable user " : "Enable user ") + u.id());
        toggle.addThemeVariants(ButtonVariant.LUMO_TERTIARY_INLINE);
        if (u.enabled()) {
            toggle.addThemeVariants(ButtonVariant.LUMO_ERROR);
        }
        HorizontalLayout actions = new HorizontalLayout(edit, toggle);
        actions.setSpacing(true);
        return actions;
    }

    private void toggle(UserInfo u) {
        try {
            UserInfo changed = users.setEnabled(currentUser.actor(), u.id(), !u.enabled());
            Notifications.success("User " + changed.id() + (changed.enabled() ? " enabled" : " disabled"));
        } finally {
            refresh();
        }
    }

    private void open(UserInfo existing) {
        UserEditor editor = new UserEditor(users, roles.list(), currentUser::actor,
                existing == null ? null : users.find(existing.id()).orElse(existing));
        editor.addChangedListener(e -> refresh());
        editor.open();
    }
}
