package org.careclock.calltype.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.RolesAllowed;
import org.careclock.base.ui.AdminPage;
import org.careclock.base.ui.Durations;
import org.careclock.calltype.CallTypeService;
import org.careclock.calltype.CallTypeSettings;
import org.careclock.base.CurrentUser;
import org.careclock.base.Roles;
import org.careclock.user.RoleService;

import java.util.List;
import java.util.stream.Collectors;

/** Administration of call types: their limits, alerts, extension steps, idle settings and grants. */
@Route("admin/call-types")
@PageTitle("Call types · CareClock")
@RolesAllowed(Roles.ADMIN_AUTHORITY)
public class CallTypesView extends VerticalLayout {

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

        Button create = new Button("New call type", VaadinIcon.PLUS.create(), e -> open(null));
        create.setId("new-call-type");
        create.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        HorizontalLayout header = AdminPage.header("Call types", create);

        Paragraph intro = new Paragraph("Each appointment has a type: its time budget, the alerts before the end, "
                + "the extensions staff may give, what happens when someone is left alone, and what each role may do. "
                + "Changes apply to appointments that have not started; a running call keeps its deadline.");
        intro.addClassName("muted");

        grid.setId("call-types-grid");
        grid.addThemeVariants(GridVariant.LUMO_ROW_STRIPES, GridVariant.LUMO_WRAP_CELL_CONTENT);
        grid.setAllRowsVisible(true);
        grid.addColumn(CallTypeSettings::name).setHeader("Name").setKey("name").setSortable(true).setFlexGrow(1);
        grid.addColumn(t -> Durations.human(t.maxDurationSeconds())).setHeader("Max duration").setKey("max-duration");
        grid.addColumn(t -> seconds(t.alertThresholdsSeconds(), false)).setHeader("Alerts before end").setKey("alerts");
        grid.addColumn(t -> seconds(t.extensionStepsSeconds(), true)).setHeader("Extensions").setKey("extensions");
        grid.addColumn(CallTypesView::idle).setHeader("Participant alone").setKey("idle").setFlexGrow(2);
        grid.addColumn(t -> Durations.human(t.emptyTimeoutSeconds())).setHeader("Empty ends after").setKey("empty");
        grid.addComponentColumn(t -> {
            Button edit = new Button("Edit", e -> open(t));
            edit.setId("edit-call-type-" + t.name());
            edit.addThemeVariants(ButtonVariant.LUMO_TERTIARY_INLINE);
            edit.setAriaLabel("Edit call type " + t.name());
            return edit;
        }).setHeader("").setKey("actions").setAutoWidth(true).setFlexGrow(0);
        grid.setEmptyStateText("No call types yet. Create one to schedule appointments.");

        add(header, intro, grid);
        refresh();
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
            return "none";
        }
        return values.stream().map(v -> extension ? Durations.extension(v) : Durations.human(v))
                .collect(Collectors.joining(", "));
    }

    private static String idle(CallTypeSettings t) {
        if (t.idleTimeoutSeconds() == 0) {
            return "never asked";
        }
        return "asked after " + Durations.human(t.idleTimeoutSeconds() - t.idlePromptSeconds())
                + ", ends " + Durations.human(t.idlePromptSeconds()) + " later";
    }
}
