package org.careclock.call.ui;

import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.combobox.MultiSelectComboBox;
import com.vaadin.flow.component.datepicker.DatePicker;
import com.vaadin.flow.component.datetimepicker.DateTimePicker;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.textfield.IntegerField;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.data.binder.Result;
import com.vaadin.flow.data.converter.Converter;
import org.careclock.base.Actor;
import org.careclock.base.ConflictException;
import org.careclock.base.InvalidInputException;
import org.careclock.base.ui.ConfirmDelete;
import org.careclock.base.ui.Durations;
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
import java.util.Locale;
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
    private final TextField id = new TextField("Appointment id");
    private final TextField title = new TextField("Title");
    private final MultiSelectComboBox<String> members = new MultiSelectComboBox<>("Members");
    private final DateTimePicker start = new DateTimePicker();
    private final IntegerField override = new IntegerField("Duration override (minutes)");
    /** The stored override in seconds, kept as it is while its minutes are not changed (the API may set 90 s). */
    private Integer storedSeconds;
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
        setHeaderTitle(existing == null ? "Schedule an appointment" : "Appointment " + existing.cid());
        setWidth("min(40rem, 100vw)");
        setCloseOnOutsideClick(false);

        type.setId("appointment-type");
        type.setLabel("Call type");
        type.setItems(typesByName.keySet());
        type.setItemLabelGenerator(name -> name + " · " + Durations.human(typesByName.get(name).maxDurationSeconds()));
        type.addValueChangeListener(e -> refreshOverrideHelper());

        id.setId("appointment-id");
        id.setMaxLength(Cid.ID_MAX);
        title.setId("appointment-title");
        title.setMaxLength(NewCall.TITLE_MAX);
        title.setPlaceholder("e.g. Follow-up consultation");

        Map<String, UserInfo> byId = new LinkedHashMap<>();
        users.forEach(u -> byId.put(u.id(), u));
        members.setId("appointment-members");
        members.setItems(byId.keySet());
        members.setItemLabelGenerator(uid -> {
            UserInfo u = byId.get(uid);
            return u == null ? uid : u.displayName() + " (" + u.id() + ", " + u.role() + (u.enabled() ? ")" : ", disabled)");
        });
        members.setSelectedItemsOnTop(true);
        members.setHelperText("Who may join; patients see only appointments they are members of");

        start.setId("appointment-start");
        start.setLabel("Scheduled start");
        start.setLocale(Locale.UK);
        // Year first, and the day written out below: "02/12/2026" reads as two different days.
        start.setDatePickerI18n(new DatePicker.DatePickerI18n().setDateFormat("yyyy-MM-dd").setFirstDayOfWeek(1));
        start.setDatePlaceholder("yyyy-mm-dd");
        start.addValueChangeListener(e -> refreshStartHelper());

        override.setId("appointment-duration-override");
        override.setMin(0);
        override.setMax(MAX_MINUTES);
        override.addValueChangeListener(e -> refreshOverrideHelper());

        if (existing == null) {
            id.setValue(suggestId());
            id.setHelperText("Letters, digits, '_' or '-'. Cannot be changed later.");
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
            storedSeconds = existing.maxDurationOverride();
            override.setValue(toMinutes(storedSeconds));
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
        // Typed in minutes, stored (and checked by the record's constraint) in seconds.
        form.forField(override)
                .withValidator(m -> m == null || m >= 0 && m <= MAX_MINUTES, "Duration override must be between 0 and "
                        + MAX_MINUTES + " minutes (" + Durations.human(CallTypeSettings.MAX_SECONDS) + "; 0: no time limit)")
                .withConverter(Converter.<Integer, Integer>from(m -> Result.ok(toSeconds(m)), this::toMinutes))
                .bind("maxDurationSeconds");
        FormLayout layout = new FormLayout(type, id, title, members, start, override);
        layout.setResponsiveSteps(new FormLayout.ResponsiveStep("0", 1), new FormLayout.ResponsiveStep("30rem", 2));
        layout.setColspan(title, 2);
        layout.setColspan(members, 2);
        add(form.message(), layout);

        footer("appointment", existing == null ? "Schedule" : "Save", this::save,
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
        start.setHelperText((value == null ? "Not scheduled" : START.format(value)) + " · your time zone, " + zone.getId());
    }

    private static final java.time.format.DateTimeFormatter START =
            java.time.format.DateTimeFormatter.ofPattern("EEEE d MMMM yyyy, HH:mm", Locale.ENGLISH);

    private static final int MAX_MINUTES = CallTypeSettings.MAX_SECONDS / 60;

    private Integer toMinutes(Integer seconds) {
        return seconds == null ? null : Math.round(seconds / 60f);
    }

    private Integer toSeconds(Integer minutes) {
        if (minutes == null) {
            return null;
        }
        return storedSeconds != null && minutes.equals(toMinutes(storedSeconds)) ? storedSeconds : minutes * 60;
    }

    private void refreshOverrideHelper() {
        if (existing != null && existing.state() == CallState.IN_PROGRESS) {
            override.setHelperText("The session is running; extend it from the call page");
            return;
        }
        CallTypeSettings t = type.getValue() == null ? null : typesByName.get(type.getValue());
        Integer v = override.getValue();
        if (v != null) {
            override.setHelperText("= " + Durations.human(toSeconds(v)) + "; empty: the call type's duration");
        } else {
            override.setHelperText(t == null ? "Empty: the call type's duration"
                    : "Empty: the call type's " + Durations.human(t.maxDurationSeconds()));
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
            saved("Appointment " + saved.displayName() + " saved");
        }
    }

    /** The appointment as typed; called once every field has passed its checks. */
    private NewCall typed() {
        Instant when = start.getValue() == null ? null : start.getValue().atZone(zone).toInstant();
        return new NewCall(type.getValue(), id.getValue(), title.getValue(), new ArrayList<>(members.getValue()),
                null, when, toSeconds(override.getValue()));
    }

    private void confirmDelete() {
        ConfirmDelete.ask("confirm-delete-appointment", "appointment " + existing.displayName(),
                "Its members will no longer see it. An appointment in progress cannot be deleted.",
                () -> form.attempt(() -> calls.delete(actor.get(), existing.cid())), this::changedAndClose);
    }

    /** The members picked, in the order of the list. */
    private static final Converter<Set<String>, List<String>> MEMBERS = Converter.from(
            chosen -> Result.ok(List.copyOf(chosen)), LinkedHashSet::new);
}
