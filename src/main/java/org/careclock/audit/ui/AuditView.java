package org.careclock.audit.ui;

import com.vaadin.flow.component.AttachEvent;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.datepicker.DatePicker;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.RolesAllowed;
import org.careclock.audit.AuditEntry;
import org.careclock.audit.AuditService;
import org.careclock.base.ui.AdminPage;
import org.careclock.base.ui.BrowserTime;
import org.careclock.base.ui.Durations;
import org.careclock.base.ui.Translations;
import org.careclock.call.CallService;
import org.careclock.call.EndReason;
import org.careclock.user.UserService;
import org.careclock.base.CurrentUser;
import org.careclock.base.Roles;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The latest entries of the audit log, newest first: every deadline set or moved, every end, and
 * every sign-in, failed sign-in, lock and unlock.
 */
@Route("admin/audit")
@RolesAllowed(Roles.ADMIN_AUTHORITY)
public class AuditView extends VerticalLayout implements HasDynamicTitle {

    /** How many of the newest entries the page shows. */
    static final int LIMIT = 500;
    /** The filter's stand-in for entries without a user (the timer, the API). */
    private static final String SERVER = "";
    private static final Pattern BUDGET = Pattern.compile("max duration (\\d{1,6}) s");
    private static final Pattern WAITED = Pattern.compile("(\\S+) waited (\\d{1,9}) s");

    private final AuditService audit;
    private final CurrentUser currentUser;
    private final Grid<AuditEntry> grid = new Grid<>();
    private final TextField filter = new TextField();
    private final ComboBox<String> byCall = new ComboBox<>(getTranslation("audit.appointment"));
    private final ComboBox<String> byUser = new ComboBox<>(getTranslation("audit.by"));
    private final DatePicker byDay = new DatePicker(getTranslation("audit.day"));
    private final CallService calls;
    private final UserService users;
    private final Map<String, String> callNames = new HashMap<>();
    private final Map<String, String> userNames = new HashMap<>();
    private ZoneId zone = ZoneId.systemDefault();

    public AuditView(AuditService audit, CurrentUser currentUser, CallService calls, UserService users) {
        this.audit = audit;
        this.currentUser = currentUser;
        this.calls = calls;
        this.users = users;
        addClassNames("page", "admin-view");
        setSpacing(false);

        Button reload = new Button(getTranslation("audit.reload"), VaadinIcon.REFRESH.create(), e -> refresh());
        reload.setId("reload-audit");
        reload.addThemeVariants(ButtonVariant.LUMO_TERTIARY);
        HorizontalLayout header = AdminPage.header(getTranslation("audit.title"), reload);
        Paragraph intro = new Paragraph(getTranslation("audit.intro", LIMIT));
        intro.addClassName("muted");

        AdminPage.search(filter, "audit-filter", getTranslation("audit.search"), getTranslation("audit.search-label"), "16rem",
                this::applyFilter);
        byCall.setId("audit-call");
        byCall.setItemLabelGenerator(this::callName);
        byCall.setClearButtonVisible(true);
        byCall.setPlaceholder(getTranslation("audit.any"));
        byCall.setMinWidth("16rem");
        byUser.setId("audit-user");
        byUser.setItemLabelGenerator(this::userName);
        byUser.setClearButtonVisible(true);
        byUser.setPlaceholder(getTranslation("audit.anyone"));
        byDay.setId("audit-day");
        byDay.setClearButtonVisible(true);
        byDay.setPlaceholder(getTranslation("audit.any-day"));
        byDay.setLocale(Translations.current());
        byDay.setI18n(BrowserTime.datePicker());
        byCall.addValueChangeListener(e -> applyFilter());
        byUser.addValueChangeListener(e -> applyFilter());
        byDay.addValueChangeListener(e -> applyFilter());
        filter.setLabel(getTranslation("admin.search"));
        HorizontalLayout filters = new HorizontalLayout(filter, byCall, byUser, byDay);
        filters.addClassName("toolbar");
        filters.setAlignItems(FlexComponent.Alignment.BASELINE);

        // Cells do not wrap: each column is as wide as its content, and the full text is in a tooltip.
        grid.setId("audit-grid");
        grid.addThemeVariants(GridVariant.LUMO_ROW_STRIPES, GridVariant.LUMO_COMPACT);
        grid.setHeight("36rem");
        grid.addColumn(e -> time(e.at())).setHeader(getTranslation("audit.when")).setKey("at").setAutoWidth(true).setFlexGrow(0);
        grid.addColumn(e -> callName(e.cid())).setHeader(getTranslation("audit.appointment")).setKey("cid").setAutoWidth(true)
                .setTooltipGenerator(e -> e.cid() == null ? "" : e.cid());
        grid.addColumn(e -> e.actor() == null && e.cid() == null ? getTranslation("audit.no-account") : userName(e.actor()))
                .setHeader(getTranslation("audit.by")).setKey("actor").setAutoWidth(true)
                .setTooltipGenerator(e -> e.actor() == null ? "" : e.actor());
        grid.addColumn(e -> action(e.action())).setHeader(getTranslation("audit.what")).setKey("action").setAutoWidth(true);
        grid.addColumn(this::deadlines).setHeader(getTranslation("audit.deadline")).setKey("deadline").setAutoWidth(true);
        grid.addColumn(this::describe).setHeader(getTranslation("audit.detail")).setKey("detail").setAutoWidth(true)
                .setTooltipGenerator(this::describe);
        grid.setEmptyStateText(getTranslation("audit.empty"));

        add(header, intro, filters, grid);
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
        return getTranslation("page.title", getTranslation("audit.title"));
    }

    private void refresh() {
        callNames.clear();
        userNames.clear();
        calls.listAll(currentUser.actor()).forEach(c -> callNames.put(c.cid(), c.displayName()));
        List<AuditEntry> entries = audit.latest(currentUser.actor(), LIMIT);
        grid.setItems(entries);
        byCall.setItems(entries.stream().map(AuditEntry::cid).filter(Objects::nonNull).distinct()
                .sorted(Comparator.comparing(this::callName)).toList());
        byUser.setItems(entries.stream().map(e -> e.actor() == null ? SERVER : e.actor()).distinct()
                .sorted(Comparator.comparing(this::userName)).toList());
        applyFilter();
    }

    private void applyFilter() {
        String text = filter.getValue().strip().toLowerCase(Locale.ROOT);
        String call = byCall.getValue();
        String user = byUser.getValue();
        LocalDate day = byDay.getValue();
        grid.getListDataView().setFilter(e -> (text.isEmpty() || (e.cid() + " " + callName(e.cid()) + " " + e.actor() + " "
                        + userName(e.actor()) + " " + e.action() + " " + action(e.action()) + " " + e.detail()).toLowerCase(Locale.ROOT)
                        .contains(text))
                && (call == null || call.equals(e.cid()))
                && (user == null || user.equals(e.actor() == null ? SERVER : e.actor()))
                && (day == null || e.at() != null && e.at().atZone(zone).toLocalDate().equals(day)));
    }

    /** The appointment's title ("Initial consultation"), or its type:id when it has none or is gone. */
    private String callName(String cid) {
        return cid == null ? "" : callNames.getOrDefault(cid, cid);
    }

    /** A user's display name; "CareClock" for the server itself (the timer, the API). */
    private String userName(String actor) {
        if (actor == null || actor.equals(SERVER)) {
            return "CareClock";
        }
        return userNames.computeIfAbsent(actor, users::displayName);
    }

    private String time(Instant instant) {
        return BrowserTime.format("time.stamp", instant, zone);
    }

    /** Deadlines on the entry's own day show the time only; sign-in entries have none. */
    private String deadlines(AuditEntry e) {
        if (e.cid() == null || e.oldEndsAt() == null && e.newEndsAt() == null) {
            return "";
        }
        String before = e.oldEndsAt() == null ? getTranslation("audit.none") : deadline(e.oldEndsAt(), e.at());
        String after = e.newEndsAt() == null ? getTranslation("call-header.no-limit") : deadline(e.newEndsAt(), e.at());
        return before + " → " + after;
    }

    private String deadline(Instant deadline, Instant at) {
        boolean sameDay = at != null && deadline.atZone(zone).toLocalDate().equals(at.atZone(zone).toLocalDate());
        return sameDay ? BrowserTime.format("time.clock", deadline, zone) : time(deadline);
    }

    /** "deadline-extended" reads "Extended" (audit.action.<action>); unknown actions are shown as they are. */
    static String action(String action) {
        if (action == null) {
            return "";
        }
        String text = Translations.t("audit.action." + action);
        return text.startsWith("!{") ? action : text;
    }

    /** The detail column: a lock's end beside where it came from, otherwise {@link #detail(String)}. */
    private String describe(AuditEntry e) {
        if ("account-locked".equals(e.action()) && e.newEndsAt() != null) {
            return getTranslation("audit.until", deadline(e.newEndsAt(), e.at())) + (e.detail() == null ? "" : ", " + detail(e.detail()));
        }
        return detail(e.detail());
    }

    /**
     * An end reason reads as its sentence, "max duration 600 s" as "Budget 10 min", "bill waited
     * 75 s" as "bill waited 1 min 15 s", "from 10.0.0.1" and "account bill" in the page's
     * language; other details as they are.
     */
    static String detail(String detail) {
        if (detail == null) {
            return "";
        }
        Matcher budget = BUDGET.matcher(detail);
        if (budget.matches()) {
            return Translations.t("audit.budget", Durations.human(Integer.parseInt(budget.group(1))));
        }
        if (detail.startsWith("from ")) {
            return Translations.t("audit.from", detail.substring(5));
        }
        if (detail.startsWith("account ")) {
            return Translations.t("audit.account", detail.substring(8));
        }
        if (detail.equals("nobody was waiting")) {
            return Translations.t("audit.nobody-waited");
        }
        if (WAITED.matcher(detail.split(", ")[0]).matches()) {
            return Arrays.stream(detail.split(", ")).map(part -> {
                Matcher waited = WAITED.matcher(part);
                return waited.matches() ? Translations.t("audit.waited", waited.group(1),
                        Durations.human(Integer.parseInt(waited.group(2)))) : part;
            }).collect(java.util.stream.Collectors.joining(", "));
        }
        return Arrays.stream(EndReason.values()).filter(r -> r.name().equals(detail)).findFirst()
                .map(r -> Translations.t("end-reason." + r.name())).orElse(detail);
    }
}
