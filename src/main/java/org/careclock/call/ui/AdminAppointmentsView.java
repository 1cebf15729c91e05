package org.careclock.call.ui;

import com.vaadin.flow.component.AttachEvent;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.RolesAllowed;
import org.careclock.base.ui.AdminPage;
import org.careclock.base.ui.BrowserTime;
import org.careclock.base.ui.Durations;
import org.careclock.base.ui.Translations;
import org.careclock.call.CallDetails;
import org.careclock.call.CallService;
import org.careclock.call.CallState;
import org.careclock.calltype.CallTypeService;
import org.careclock.base.Actor;
import org.careclock.base.CurrentUser;
import org.careclock.base.Roles;
import org.careclock.user.UserInfo;
import org.careclock.user.UserService;

import java.time.Clock;
import java.time.ZoneId;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

/** Every appointment, for administrators: schedule, edit, delete. Times in the browser's zone. */
@Route("admin/appointments")
@RolesAllowed(Roles.ADMIN_AUTHORITY)
public class AdminAppointmentsView extends VerticalLayout implements HasDynamicTitle {

    /** Which appointments the list shows (its label: admin-appointments.show.<name>). */
    enum Show {
        ALL, UPCOMING, IN_PROGRESS, PAST;

        boolean matches(CallState state) {
            return switch (this) {
                case ALL -> true;
                case UPCOMING -> state == CallState.SCHEDULED;
                case IN_PROGRESS -> state == CallState.IN_PROGRESS;
                case PAST -> state == CallState.ENDED;
            };
        }
    }

    private final CallService calls;
    private final CallTypeService types;
    private final UserService users;
    private final CurrentUser currentUser;
    private final Clock clock;
    private final Grid<CallDetails> grid = new Grid<>();
    private final TextField filter = new TextField();
    private final Select<Show> show = new Select<>();
    private Map<String, String> names = Map.of();
    private ZoneId zone = ZoneId.systemDefault();

    public AdminAppointmentsView(CallService calls, CallTypeService types, UserService users, CurrentUser currentUser,
                                 Clock clock) {
        this.calls = calls;
        this.types = types;
        this.users = users;
        this.currentUser = currentUser;
        this.clock = clock;
        addClassNames("page", "admin-view");
        setSpacing(false);

        Button create = new Button(getTranslation("admin-appointments.new"), VaadinIcon.PLUS.create(), e -> open(null));
        create.setId("new-appointment");
        create.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        HorizontalLayout header = AdminPage.header(getTranslation("admin-appointments.title"), create);

        AdminPage.search(filter, "appointment-filter", getTranslation("admin-appointments.search"),
                getTranslation("admin-appointments.search-label"), "18rem", this::applyFilter);
        show.setId("appointment-show");
        show.setAriaLabel(getTranslation("admin-appointments.show"));
        show.setItems(Show.values());
        show.setItemLabelGenerator(s -> getTranslation("admin-appointments.show." + s.name()));
        show.setValue(Show.ALL);
        show.addValueChangeListener(e -> applyFilter());
        HorizontalLayout toolbar = new HorizontalLayout(filter, show);
        toolbar.addClassName("toolbar");

        grid.setId("appointments-grid");
        grid.addThemeVariants(GridVariant.LUMO_ROW_STRIPES, GridVariant.LUMO_WRAP_CELL_CONTENT);
        grid.setHeight("34rem");
        grid.addColumn(c -> c.scheduledStart() == null ? getTranslation("appointments.not-scheduled")
                        : BrowserTime.dateTime(c.scheduledStart(), zone)).setHeader(getTranslation("admin-appointments.starts")).setKey("when").setAutoWidth(true).setFlexGrow(0);
        grid.addComponentColumn(AdminAppointmentsView::titleCell).setHeader(getTranslation("admin-appointments.appointment")).setKey("title").setFlexGrow(2);
        grid.addColumn(c -> c.members().stream().map(m -> names.getOrDefault(m, m)).collect(Collectors.joining(", ")))
                .setHeader(getTranslation("admin-appointments.members")).setKey("members").setFlexGrow(2);
        grid.addColumn(AdminAppointmentsView::duration).setHeader(getTranslation("admin-appointments.duration")).setKey("duration").setAutoWidth(true);
        grid.addComponentColumn(AdminAppointmentsView::stateTag).setHeader(getTranslation("admin-appointments.state")).setKey("state").setAutoWidth(true);
        grid.addComponentColumn(c -> {
            Button edit = new Button(getTranslation("admin.edit"), e -> open(c));
            edit.setId("edit-appointment-" + c.type() + "-" + c.id());
            edit.setAriaLabel(getTranslation("admin-appointments.edit-label", c.displayName()));
            edit.addThemeVariants(ButtonVariant.LUMO_TERTIARY_INLINE);
            return edit;
        }).setHeader("").setKey("actions").setAutoWidth(true).setFlexGrow(0);
        grid.setEmptyStateText(getTranslation("admin-appointments.empty"));

        add(header, toolbar, grid);
    }

    @Override
    protected void onAttach(AttachEvent attachEvent) {
        super.onAttach(attachEvent);
        refresh();
        BrowserTime.withZone(attachEvent.getUI(), known -> {
            zone = known;
            grid.getDataProvider().refreshAll();
        });
    }

    @Override
    public String getPageTitle() {
        return getTranslation("page.title", getTranslation("admin-appointments.title"));
    }

    /** The time zone times are shown and typed in (the browser's, once it is known). */
    ZoneId zone() {
        return zone;
    }

    private void refresh() {
        Actor actor = currentUser.actor();
        names = users.list(actor).stream().collect(Collectors.toMap(UserInfo::id, UserInfo::displayName));
        grid.setItems(calls.listAll(actor));
        applyFilter();
    }

    private void applyFilter() {
        String text = filter.getValue().strip().toLowerCase(Locale.ROOT);
        Show which = show.getValue() == null ? Show.ALL : show.getValue();
        grid.getListDataView().setFilter(c -> which.matches(c.state()) && (text.isEmpty() || haystack(c).contains(text)));
    }

    private String haystack(CallDetails c) {
        return (c.displayName() + " " + c.cid() + " " + c.members().stream().map(m -> m + " " + names.getOrDefault(m, m))
                .collect(Collectors.joining(" "))).toLowerCase(Locale.ROOT);
    }

    private void open(CallDetails existing) {
        Actor actor = currentUser.actor();
        AppointmentEditor editor = new AppointmentEditor(calls, types.list(), users.list(actor), currentUser::actor,
                zone, clock.instant(), existing);
        editor.addChangedListener(e -> refresh());
        editor.open();
    }

    private static Component titleCell(CallDetails c) {
        Span title = new Span(c.displayName());
        Span cid = new Span(c.cid());
        cid.addClassName("cell-sub");
        return new Div(title, cid);
    }

    private static String duration(CallDetails c) {
        String human = Durations.human(c.session().maxDurationSeconds());
        return c.maxDurationOverride() != null && c.state() != CallState.IN_PROGRESS ? Translations.t("admin-appointments.override", human) : human;
    }

    private static Span stateTag(CallDetails c) {
        Span tag = new Span(Translations.t("admin-appointments.state." + c.state().name()));
        tag.addClassNames("tag", switch (c.state()) {
            case SCHEDULED -> "tag-accent";
            case IN_PROGRESS -> "tag-ok";
            case ENDED -> "tag-neutral";
        });
        if (c.state() == CallState.ENDED && c.endReason() != null) {
            tag.setTitle(Translations.t("end-reason." + c.endReason().name()));
        }
        return tag;
    }
}
