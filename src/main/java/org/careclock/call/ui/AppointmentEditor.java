package org.careclock.call.ui;

import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.combobox.MultiSelectComboBox;
import com.vaadin.flow.component.datetimepicker.DateTimePicker;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.data.binder.Result;
import com.vaadin.flow.data.converter.Converter;
import org.careclock.base.Actor;
import org.careclock.base.ConflictException;
import org.careclock.base.InvalidInputException;
import org.careclock.base.ui.ConfirmDelete;
import org.careclock.base.ui.BrowserTime;
import org.careclock.base.ui.DurationField;
import org.careclock.base.ui.Durations;
import org.careclock.base.ui.Translations;
import org.careclock.base.ui.EditorDialog;
import org.careclock.base.ui.RecordForm;
import org.careclock.call.CallDetails;
import org.careclock.call.CallService;
import org.careclock.call.CallState;
import org.careclock.call.Cid;
import org.careclock.call.NewCall;
import org.careclock.calltype.CallTypeSettings;
import org.careclock.user.UserInfo;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Supplier;

/**
 * Schedules an appointment (type, id, title, members, start, optional duration override) or
 * edits one (title, start, members, override) and deletes it. Times are in the browser's zone.
 * Fields are checked against the constraints of {@link NewCall} as the admin types.
 */
class AppointmentEditor extends EditorDialog {

    private final CallService calls;
    private final Supplier<Actor> actor;
    private final CallDetails existing;
    private final ZoneId zone;
    private final Map<String, CallTypeSettings> typesByName = new LinkedHashMap<>();

    // A combo box, not a Select: a required Select puts aria-required on its inner button, which
    // assistive technology may not be given there (axe-core: aria-allowed-attr).
    private final ComboBox<String> type = new ComboBox<>();
    private final TextField id = new TextField(getTranslation("appointment-editor.id"));
    private final TextField title = new TextField(getTranslation("appointment-editor.title"));
    private final MultiSelectComboBox<String> members = new MultiSelectComboBox<>(getTranslation("appointment-editor.members"));
    private final DateTimePicker start = new DateTimePicker();
    private final DurationField override = new DurationField(getTranslation("appointment-editor.override"));
    private final RecordForm<NewCall> form = new RecordForm<>(NewCall.class, "appointment-error");

    /** {@code existing}: the appointment to edit, or null to schedule one; {@code now} suggests a start. */
    AppointmentEditor(CallService calls, List<CallTypeSettings> types, List<UserInfo> users, Supplier<Actor> actor,
                      ZoneId zone, Instant now, CallDetails existing) {
        this.calls = calls;
        this.actor = actor;
        this.existing = existing;
        this.zone = zone;
        types.forEach(t -> typesByName.put(t.name(), t));
        setId("appointment-dialog");
        setHeaderTitle(existing == null ? getTranslation("appointment-editor.new")
                : getTranslation("appointment-editor.edit", existing.cid()));
        setWidth("min(40rem, 100vw)");
        setCloseOnOutsideClick(false);

        type.setId("appointment-type");
        type.setLabel(getTranslation("appointment-editor.type"));
        type.setItems(typesByName.keySet());
        type.setItemLabelGenerator(name -> name + " · " + Durations.human(typesByName.get(name).maxDurationSeconds()));
        type.addValueChangeListener(e -> refreshOverrideHelper());

        id.setId("appointment-id");
        id.setMaxLength(Cid.ID_MAX);
        title.setId("appointment-title");
        title.setMaxLength(NewCall.TITLE_MAX);
        title.setPlaceholder(getTranslation("appointment-editor.title-placeholder"));

        Map<String, UserInfo> byId = new LinkedHashMap<>();
        users.forEach(u -> byId.put(u.id(), u));
        members.setId("appointment-members");
        members.setItems(byId.keySet());
        members.setItemLabelGenerator(uid -> {
            UserInfo u = byId.get(uid);
            return u == null ? uid : getTranslation(u.enabled() ? "appointment-editor.member" : "appointment-editor.member-disabled",
                    u.displayName(), u.id(), u.role());
        });
        members.setSelectedItemsOnTop(true);
        members.setHelperText(getTranslation("appointment-editor.members-help"));

        start.setId("appointment-start");
        start.setLabel(getTranslation("appointment-editor.start"));
        start.setLocale(Translations.current());
        // Year first, and the day written out below: "02/12/2026" reads as two different days.
        start.setDatePickerI18n(BrowserTime.datePicker().setDateFormat("yyyy-MM-dd"));
        start.setDatePlaceholder(getTranslation("appointment-editor.date-placeholder"));
        start.addValueChangeListener(e -> refreshStartHelper());

        override.setId("appointment-duration-override");
        override.addValueChangeListener(e -> refreshOverrideHelper());

        if (existing == null) {
            id.setValue(suggestId());
            id.setHelperText(getTranslation("appointment-editor.id-help"));
            if (typesByName.size() == 1) {
                type.setValue(typesByName.keySet().iterator().next());
            }
            start.setValue(LocalDateTime.ofInstant(now, zone).truncatedTo(ChronoUnit.HOURS).plusHours(1));
        } else {
            type.setValue(existing.type());
            type.setReadOnly(true);
            id.setValue(existing.id());
            id.setReadOnly(true);
            title.setValue(existing.title() == null ? "" : existing.title());
            members.setValue(existing.members().stream().filter(byId::containsKey).toList());
            start.setValue(existing.scheduledStart() == null ? null : LocalDateTime.ofInstant(existing.scheduledStart(), zone));
            override.setValue(existing.maxDurationOverride());
            if (existing.state() == CallState.IN_PROGRESS) {
                override.setReadOnly(true);
            }
        }
        refreshOverrideHelper();
        refreshStartHelper();

        form.forField(type).bind("type");
        form.forField(id).bind("id");
        form.forField(title).bind("title");
        form.forField(members).withConverter(MEMBERS).bind("members");
        form.forField(start).withConverter(Converter.<LocalDateTime, Instant>from(
                local -> Result.ok(local == null ? null : local.atZone(zone).toInstant()),
                instant -> instant == null ? null : LocalDateTime.ofInstant(instant, zone))).bind("scheduledStart");
        // Typed in human units, stored (and checked by the record's constraint) in seconds.
        form.forField(override).withValidator(override.validator()).bind("maxDurationSeconds");
        FormLayout layout = new FormLayout(type, id, title, members, start, override);
        layout.setResponsiveSteps(new FormLayout.ResponsiveStep("0", 1), new FormLayout.ResponsiveStep("30rem", 2));
        layout.setColspan(title, 2);
        layout.setColspan(members, 2);
        add(form.message(), layout);

        footer("appointment", getTranslation(existing == null ? "appointment-editor.schedule" : "dialog.save"), this::save,
                existing == null ? null : deleteButton("appointment", this::confirmDelete));
    }

    /** A fresh id to start from, such as "appt-k3x9qz"; the admin may type another. */
    private static String suggestId() {
        long sixDigitsBase36 = ThreadLocalRandom.current().nextLong(60_466_176L, 2_176_782_336L);
        return "appt-" + Long.toString(sixDigitsBase36, 36);
    }

    /** "Thursday 3 December 2026, 14:30 · your time zone, Europe/Berlin". */
    private void refreshStartHelper() {
        LocalDateTime value = start.getValue();
        start.setHelperText(getTranslation("appointment-editor.start-help", value == null
                ? getTranslation("appointments.not-scheduled") : BrowserTime.format("time.date-time-long", value), zone.getId()));
    }

    private void refreshOverrideHelper() {
        if (existing != null && existing.state() == CallState.IN_PROGRESS) {
            override.setHelperText(getTranslation("appointment-editor.override-running"));
            return;
        }
        CallTypeSettings t = type.getValue() == null ? null : typesByName.get(type.getValue());
        Integer v = override.getValue();
        if (v != null) {
            override.setHelperText(getTranslation("appointment-editor.override-help", Durations.human(v)));
        } else {
            override.setHelperText(t == null ? getTranslation("appointment-editor.override-empty")
                    : getTranslation("appointment-editor.override-type", Durations.human(t.maxDurationSeconds())));
        }
    }

    private void save() {
        CallDetails saved = form.submit(this::typed, call -> {
            if (existing != null) {
                return calls.update(actor.get(), existing.cid(), call);
            }
            try {
                return calls.create(actor.get(), call);
            } catch (ConflictException e) {
                throw new InvalidInputException("id", e.getMessage());
            }
        });
        if (saved != null) {
            saved(getTranslation("appointment-editor.saved", saved.displayName()));
        }
    }

    /** The appointment as typed; called once every field has passed its checks. */
    private NewCall typed() {
        Instant when = start.getValue() == null ? null : start.getValue().atZone(zone).toInstant();
        return new NewCall(type.getValue(), id.getValue(), title.getValue(), new ArrayList<>(members.getValue()),
                null, when, override.getValue());
    }

    private void confirmDelete() {
        ConfirmDelete.ask("confirm-delete-appointment", getTranslation("appointment-editor.delete-question",
                existing.displayName()), getTranslation("appointment-editor.delete-text"),
                () -> form.attempt(() -> calls.delete(actor.get(), existing.cid())),
                getTranslation("appointment-editor.deleted", existing.displayName()), this::changedAndClose);
    }

    /** The members picked, in the order of the list. */
    private static final Converter<Set<String>, List<String>> MEMBERS = Converter.from(
            chosen -> Result.ok(List.copyOf(chosen)), LinkedHashSet::new);
}
