package org.careclock.calltype.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.RolesAllowed;
import org.careclock.base.ui.AdminPage;
import org.careclock.base.ui.Durations;
import org.careclock.base.ui.Translations;
import org.careclock.calltype.CallTypeService;
import org.careclock.calltype.CallTypeSettings;
import org.careclock.base.CurrentUser;
import org.careclock.base.Roles;
import org.careclock.user.RoleService;

import java.util.List;
import java.util.stream.Collectors;

/** Administration of call types: their limits, alerts, extension steps, idle settings and grants. */
@Route("admin/call-types")
@RolesAllowed(Roles.ADMIN_AUTHORITY)
public class CallTypesView extends VerticalLayout implements HasDynamicTitle {

    private final CallTypeService types;
    private final RoleService roles;
    private final CurrentUser currentUser;
    private final Grid<CallTypeSettings> grid = new Grid<>();

    public CallTypesView(CallTypeService types, RoleService roles, CurrentUser currentUser) {
        this.types = types;
        this.roles = roles;
        this.currentUser = currentUser;
        addClassNames("page", "admin-view");
        setSpacing(false);

        Button create = new Button(getTranslation("types.new"), VaadinIcon.PLUS.create(), e -> open(null));
        create.setId("new-call-type");
        create.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        HorizontalLayout header = AdminPage.header(getTranslation("types.title"), create);

        Paragraph intro = new Paragraph(getTranslation("types.intro"));
        intro.addClassName("muted");

        grid.setId("call-types-grid");
        grid.addThemeVariants(GridVariant.LUMO_ROW_STRIPES, GridVariant.LUMO_WRAP_CELL_CONTENT);
        grid.setAllRowsVisible(true);
        grid.addColumn(CallTypeSettings::name).setHeader(getTranslation("types.name")).setKey("name").setSortable(true).setFlexGrow(1);
        grid.addColumn(t -> Durations.human(t.maxDurationSeconds())).setHeader(getTranslation("types.max-duration")).setKey("max-duration");
        grid.addColumn(t -> seconds(t.alertThresholdsSeconds(), false)).setHeader(getTranslation("types.alerts")).setKey("alerts");
        grid.addColumn(t -> seconds(t.extensionStepsSeconds(), true)).setHeader(getTranslation("types.extensions")).setKey("extensions");
        grid.addColumn(CallTypesView::idle).setHeader(getTranslation("types.idle")).setKey("idle").setFlexGrow(2);
        grid.addColumn(t -> Durations.human(t.emptyTimeoutSeconds())).setHeader(getTranslation("types.empty")).setKey("empty");
        grid.addComponentColumn(t -> {
            Button edit = new Button(getTranslation("admin.edit"), e -> open(t));
            edit.setId("edit-call-type-" + t.name());
            edit.addThemeVariants(ButtonVariant.LUMO_TERTIARY_INLINE);
            edit.setAriaLabel(getTranslation("types.edit-label", t.name()));
            return edit;
        }).setHeader("").setKey("actions").setAutoWidth(true).setFlexGrow(0);
        grid.setEmptyStateText(getTranslation("types.empty-state"));

        add(header, intro, grid);
        refresh();
    }

    @Override
    public String getPageTitle() {
        return getTranslation("page.title", getTranslation("types.title"));
    }

    private void refresh() {
        grid.setItems(types.list());
    }

    private void open(CallTypeSettings existing) {
        CallTypeEditor editor = new CallTypeEditor(types, roles.list(), currentUser::actor,
                existing == null ? null : types.get(existing.name()));
        editor.addChangedListener(e -> refresh());
        editor.open();
    }

    private static String seconds(List<Integer> values, boolean extension) {
        if (values.isEmpty()) {
            return Translations.t("type-editor.none");
        }
        return values.stream().map(v -> extension ? Durations.extension(v) : Durations.human(v))
                .collect(Collectors.joining(", "));
    }

    private static String idle(CallTypeSettings t) {
        if (t.idleTimeoutSeconds() == 0) {
            return Translations.t("types.idle-never");
        }
        return Translations.t("types.idle-asked", Durations.human(t.idleTimeoutSeconds() - t.idlePromptSeconds()),
                Durations.human(t.idlePromptSeconds()));
    }
}
