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
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.RolesAllowed;
import org.careclock.base.ui.AdminPage;
import org.careclock.base.ui.Translations;
import org.careclock.base.CurrentUser;
import org.careclock.base.Roles;
import org.careclock.user.RoleInfo;
import org.careclock.user.RoleService;

import java.util.Locale;

/** Administration of roles: the built-in three and any the clinic adds. */
@Route("admin/roles")
@RolesAllowed(Roles.ADMIN_AUTHORITY)
public class RolesView extends VerticalLayout implements HasDynamicTitle {

    private final RoleService roles;
    private final CurrentUser currentUser;
    private final Grid<RoleInfo> grid = new Grid<>();

    public RolesView(RoleService roles, CurrentUser currentUser) {
        this.roles = roles;
        this.currentUser = currentUser;
        addClassNames("page", "admin-view");
        setSpacing(false);

        Button create = new Button(getTranslation("roles.new"), VaadinIcon.PLUS.create(), e -> open(null));
        create.setId("new-role");
        create.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        HorizontalLayout header = AdminPage.header(getTranslation("roles.title"), create);
        Paragraph intro = new Paragraph(getTranslation("roles.intro"));
        intro.addClassName("muted");

        grid.setId("roles-grid");
        grid.addThemeVariants(GridVariant.LUMO_ROW_STRIPES);
        grid.setAllRowsVisible(true);
        grid.addColumn(RoleInfo::name).setHeader(getTranslation("roles.name")).setKey("name").setFlexGrow(1);
        grid.addColumn(RolesView::description).setHeader(getTranslation("roles.description")).setKey("description").setFlexGrow(3);
        grid.addComponentColumn(r -> {
            Span kind = new Span(getTranslation(r.builtIn() ? "roles.built-in" : "roles.added"));
            kind.addClassNames("tag", r.builtIn() ? "tag-neutral" : "tag-accent");
            return kind;
        }).setHeader(getTranslation("roles.kind")).setKey("kind").setAutoWidth(true).setFlexGrow(0);
        grid.addComponentColumn(r -> {
            Button edit = new Button(getTranslation("admin.edit"), e -> open(r));
            edit.setId("edit-role-" + r.name());
            edit.addThemeVariants(ButtonVariant.LUMO_TERTIARY_INLINE);
            edit.setAriaLabel(getTranslation("roles.edit-label", r.name()));
            return edit;
        }).setHeader("").setKey("actions").setAutoWidth(true).setFlexGrow(0);

        add(header, intro, grid);
        refresh();
    }

    @Override
    public String getPageTitle() {
        return getTranslation("page.title", getTranslation("roles.title"));
    }

    /**
     * A role's description; a built-in role's that still reads as the seed wrote it
     * ({@code role.description.<name>} in English) is shown in the page's language.
     */
    static String description(RoleInfo role) {
        String key = "role.description." + role.name();
        return role.builtIn() && Translations.text(Locale.ENGLISH, key).equals(role.description())
                ? Translations.t(key) : role.description();
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
