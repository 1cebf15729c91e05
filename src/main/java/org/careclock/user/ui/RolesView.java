package org.careclock.user.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.RolesAllowed;
import org.careclock.base.ui.AdminPage;
import org.careclock.base.CurrentUser;
import org.careclock.base.Roles;
import org.careclock.user.RoleInfo;
import org.careclock.user.RoleService;

/** Administration of roles: the built-in three and any the clinic adds. */
@Route("admin/roles")
@PageTitle("Roles · CareClock")
@RolesAllowed(Roles.ADMIN_AUTHORITY)
public class RolesView extends VerticalLayout {

    private final RoleService roles;
    private final CurrentUser currentUser;
    private final Grid<RoleInfo> grid = new Grid<>();

    public RolesView(RoleService roles, CurrentUser currentUser) {
        this.roles = roles;
        this.currentUser = currentUser;
        addClassNames("page", "admin-view");
        setSpacing(false);

        Button create = new Button("New role", VaadinIcon.PLUS.create(), e -> open(null));
        create.setId("new-role");
        create.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        HorizontalLayout header = AdminPage.header("Roles", create);
        Paragraph intro = new Paragraph("Every user has one role. What a role may do in a call is set per call type, "
                + "on the Call types page.");
        intro.addClassName("muted");

        grid.setId("roles-grid");
        grid.addThemeVariants(GridVariant.LUMO_ROW_STRIPES);
        grid.setAllRowsVisible(true);
        grid.addColumn(RoleInfo::name).setHeader("Name").setKey("name").setFlexGrow(1);
        grid.addColumn(RoleInfo::description).setHeader("Description").setKey("description").setFlexGrow(3);
        grid.addComponentColumn(r -> {
            Span kind = new Span(r.builtIn() ? "built-in" : "added");
            kind.addClassNames("tag", r.builtIn() ? "tag-neutral" : "tag-accent");
            return kind;
        }).setHeader("Kind").setKey("kind").setAutoWidth(true).setFlexGrow(0);
        grid.addComponentColumn(r -> {
            Button edit = new Button("Edit", e -> open(r));
            edit.setId("edit-role-" + r.name());
            edit.addThemeVariants(ButtonVariant.LUMO_TERTIARY_INLINE);
            edit.setAriaLabel("Edit role " + r.name());
            return edit;
        }).setHeader("").setKey("actions").setAutoWidth(true).setFlexGrow(0);

        add(header, intro, grid);
        refresh();
    }

    private void refresh() {
        grid.setItems(roles.list());
    }

    private void open(RoleInfo existing) {
        RoleEditor editor = new RoleEditor(roles, currentUser::actor, existing);
        editor.addChangedListener(e -> refresh());
        editor.open();
    }
}
