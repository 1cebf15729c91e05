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
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.RolesAllowed;
import org.careclock.base.ui.AdminPage;
import org.careclock.base.ui.Notifications;
import org.careclock.base.CurrentUser;
import org.careclock.base.Roles;
import org.careclock.base.SignInLocks;
import org.careclock.base.ui.BrowserTime;
import org.careclock.user.RoleService;
import org.careclock.user.UserInfo;
import org.careclock.user.UserService;

import java.time.Instant;
import java.time.ZoneId;
import java.util.Locale;
import java.util.Map;

/**
 * Administration of users: create, edit, disable or enable, set a new password, and lift the
 * lock on an account that failed to sign in too often.
 */
@Route("admin/users")
@RolesAllowed(Roles.ADMIN_AUTHORITY)
public class UsersView extends VerticalLayout implements HasDynamicTitle {

    private final UserService users;
    private final RoleService roles;
    private final CurrentUser currentUser;
    private final SignInLocks locks;
    private final Grid<UserInfo> grid = new Grid<>();
    private final TextField filter = new TextField();
    private Map<String, Instant> locked = Map.of();
    private ZoneId zone = ZoneId.systemDefault();

    public UsersView(UserService users, RoleService roles, CurrentUser currentUser, SignInLocks locks) {
        this.users = users;
        this.roles = roles;
        this.currentUser = currentUser;
        this.locks = locks;
        addClassNames("page", "admin-view");
        setSpacing(false);

        Button create = new Button(getTranslation("users.new"), VaadinIcon.PLUS.create(), e -> open(null));
        create.setId("new-user");
        create.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        HorizontalLayout header = AdminPage.header(getTranslation("users.title"), create);

        AdminPage.search(filter, "user-filter", getTranslation("users.search"), getTranslation("users.search-label"), "18rem",
                this::applyFilter);

        grid.setId("users-grid");
        grid.addThemeVariants(GridVariant.LUMO_ROW_STRIPES);
        grid.setHeight("32rem");
        grid.addColumn(UserInfo::id).setHeader(getTranslation("login.username")).setKey("id").setSortable(true);
        grid.addColumn(UserInfo::displayName).setHeader(getTranslation("users.name")).setKey("name").setSortable(true).setFlexGrow(2);
        grid.addColumn(UserInfo::role).setHeader(getTranslation("type-editor.role")).setKey("role").setSortable(true);
        grid.addComponentColumn(this::status).setHeader(getTranslation("users.status")).setKey("status").setAutoWidth(true);
        grid.addComponentColumn(this::actions).setHeader("").setKey("actions").setAutoWidth(true).setFlexGrow(0);
        grid.setEmptyStateText(getTranslation("users.empty"));

        add(header, filter, grid);
        refresh();
        addAttachListener(e -> BrowserTime.withZone(e.getUI(), known -> {
            zone = known;
            grid.getDataProvider().refreshAll();
        }));
    }

    @Override
    public String getPageTitle() {
        return getTranslation("page.title", getTranslation("users.title"));
    }

    private void refresh() {
        locked = locks.locked(currentUser.actor());
        grid.setItems(users.list(currentUser.actor()));
        applyFilter();
    }

    private void applyFilter() {
        String text = filter.getValue().strip().toLowerCase(Locale.ROOT);
        grid.getListDataView().setFilter(u -> text.isEmpty() || u.id().toLowerCase(Locale.ROOT).contains(text)
                || u.displayName().toLowerCase(Locale.ROOT).contains(text) || u.role().toLowerCase(Locale.ROOT).contains(text));
    }

    private Span status(UserInfo u) {
        Instant lockedUntil = locked.get(u.id());
        if (lockedUntil != null && u.enabled()) {
            Span tag = new Span(getTranslation("users.locked", BrowserTime.time(lockedUntil, zone)));
            tag.setId("locked-" + u.id());
            tag.addClassNames("tag", "tag-warn");
            tag.setTitle(getTranslation("users.locked-tip"));
            return tag;
        }
        Span tag = new Span(getTranslation(!u.enabled() ? "users.disabled" : u.hasPassword() ? "users.enabled" : "users.no-password"));
        tag.addClassNames("tag", !u.enabled() ? "tag-off" : u.hasPassword() ? "tag-ok" : "tag-warn");
        if (u.enabled() && !u.hasPassword()) {
            tag.setTitle(getTranslation("users.no-password-tip"));
        }
        return tag;
    }

    private HorizontalLayout actions(UserInfo u) {
        Button edit = new Button(getTranslation("admin.edit"), e -> open(u));
        edit.setId("edit-user-" + u.id());
        edit.setAriaLabel(getTranslation("users.edit-label", u.id()));
        edit.addThemeVariants(ButtonVariant.LUMO_TERTIARY_INLINE);
        Button toggle = new Button(getTranslation(u.enabled() ? "users.disable" : "users.enable"), e -> toggle(u));
        toggle.setId("toggle-user-" + u.id());
        toggle.setAriaLabel(getTranslation(u.enabled() ? "users.disable-label" : "users.enable-label", u.id()));
        toggle.addThemeVariants(ButtonVariant.LUMO_TERTIARY_INLINE);
        if (u.enabled()) {
            toggle.addThemeVariants(ButtonVariant.LUMO_ERROR);
        }
        HorizontalLayout actions = new HorizontalLayout(edit, toggle);
        if (locked.containsKey(u.id())) {
            Button unlock = new Button(getTranslation("users.unlock"), e -> unlock(u));
            unlock.setId("unlock-user-" + u.id());
            unlock.setAriaLabel(getTranslation("users.unlock-label", u.id()));
            unlock.addThemeVariants(ButtonVariant.LUMO_TERTIARY_INLINE);
            actions.add(unlock);
        }
        actions.setSpacing(true);
        return actions;
    }

    private void unlock(UserInfo u) {
        try {
            if (locks.unlock(currentUser.actor(), u.id())) {
                Notifications.success(getTranslation("users.unlocked", u.id()));
            }
        } finally {
            refresh();
        }
    }

    private void toggle(UserInfo u) {
        try {
            UserInfo changed = users.setEnabled(currentUser.actor(), u.id(), !u.enabled());
            Notifications.success(getTranslation(changed.enabled() ? "users.enabled-done" : "users.disabled-done", changed.id()));
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
