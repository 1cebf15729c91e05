package org.careclock.calltype.ui;

import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.NativeTable;
import com.vaadin.flow.component.html.NativeTableCell;
import com.vaadin.flow.component.html.NativeTableHeaderCell;
import com.vaadin.flow.component.html.NativeTableRow;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.textfield.IntegerField;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.data.binder.Result;
import com.vaadin.flow.data.converter.Converter;
import org.careclock.base.ui.ConfirmDelete;
import org.careclock.base.ui.DurationField;
import org.careclock.base.ui.Durations;
import org.careclock.base.ui.Translations;
import org.careclock.base.ui.EditorDialog;
import org.careclock.base.ui.RecordForm;
import org.careclock.calltype.CallTypeService;
import org.careclock.calltype.CallTypeSettings;
import org.careclock.calltype.Backstage;
import org.careclock.calltype.Capability;
import org.careclock.base.Actor;
import org.careclock.base.Roles;
import org.careclock.user.RoleInfo;

import java.util.EnumMap;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.function.IntFunction;
import java.util.function.Supplier;
import java.util.stream.Collectors;

/**
 * Creates or edits one call type: limits, alert thresholds, extension steps, idle settings and
 * the grants as a role × capability matrix. Each field is checked against the constraints of
 * {@link CallTypeSettings} as the admin types; those and a refusal of the service are shown next
 * to their field, and what the admin typed stays in the form.
 */
class CallTypeEditor extends EditorDialog {

    private final CallTypeService types;
    private final Supplier<Actor> actor;
    private final boolean creating;

    private final TextField name = new TextField(getTranslation("type-editor.name"));
    private final DurationField maxDuration = new DurationField(getTranslation("type-editor.max-duration"));
    private final TextField thresholds = new TextField(getTranslation("type-editor.alerts"));
    private final TextField steps = new TextField(getTranslation("type-editor.steps"));
    private final DurationField idleTimeout = new DurationField(getTranslation("type-editor.idle-timeout"));
    private final DurationField idlePrompt = new DurationField(getTranslation("type-editor.idle-prompt"));
    private final DurationField emptyTimeout = new DurationField(getTranslation("type-editor.empty-timeout"));
    private final IntegerField maxParticipants = new IntegerField(getTranslation("type-editor.max-participants"));
    private final Checkbox waitingRoom = new Checkbox(getTranslation("type-editor.waiting-room"));
    private final DurationField joinAhead = new DurationField(getTranslation("type-editor.join-ahead"));
    private final Map<String, Map<Capability, Checkbox>> grantBoxes = new LinkedHashMap<>();
    private final Map<String, Checkbox> derivedBoxes = new LinkedHashMap<>();
    private final Map<DurationField, IntFunction<String>> helpers = new LinkedHashMap<>();
    private final Div grantsError = new Div();
    private final RecordForm<CallTypeSettings> form = new RecordForm<>(CallTypeSettings.class, "call-type-error");

    /** {@code existing}: the type to edit, or null to create one. */
    CallTypeEditor(CallTypeService types, List<RoleInfo> roles, Supplier<Actor> actor, CallTypeSettings existing) {
        this.types = types;
        this.actor = actor;
        this.creating = existing == null;
        CallTypeSettings start = existing != null ? existing : newTypeDefaults(roles);

        setId("call-type-dialog");
        setHeaderTitle(creating ? getTranslation("type-editor.new") : getTranslation("type-editor.edit", existing.name()));
        setWidth("min(60rem, 100vw)");
        setCloseOnOutsideClick(false);

        name.setId("call-type-name");
        name.setMaxLength(CallTypeSettings.NAME_MAX);
        name.setValue(start.name());
        name.setReadOnly(!creating);
        name.setHelperText(getTranslation(creating ? "type-editor.name-help" : "type-editor.name-fixed"));
        form.forField(name).bind("name");

        duration(maxDuration, "call-type-max-duration", "maxDurationSeconds", start.maxDurationSeconds(),
                v -> getTranslation(v == 0 ? "type-editor.max-duration-none" : "type-editor.max-duration-help", Durations.human(v)));
        list(thresholds, "call-type-alert-thresholds", "alertThresholdsSeconds", start.alertThresholdsSeconds(),
                vs -> getTranslation("type-editor.alerts-help", vs.stream().map(Durations::human).collect(Collectors.joining(", "))));
        list(steps, "call-type-extension-steps", "extensionStepsSeconds", start.extensionStepsSeconds(),
                vs -> getTranslation("type-editor.steps-help", vs.stream().map(Durations::extension)
                        .collect(Collectors.joining(" " + getTranslation("type-editor.or") + " "))));
        duration(idleTimeout, "call-type-idle-timeout", "idleTimeoutSeconds", start.idleTimeoutSeconds(),
                v -> v == 0 ? getTranslation("type-editor.idle-timeout-off") : getTranslation("type-editor.idle-timeout-help",
                        Durations.human(Math.max(0, v - valueOr(idlePrompt, 0)))));
        duration(idlePrompt, "call-type-idle-prompt", "idlePromptSeconds", start.idlePromptSeconds(),
                v -> getTranslation("type-editor.idle-prompt-help", Durations.human(v)));
        duration(emptyTimeout, "call-type-empty-timeout", "emptyTimeoutSeconds", start.emptyTimeoutSeconds(),
                v -> getTranslation("type-editor.empty-timeout-help", Durations.human(v)));
        maxParticipants.setId("call-type-max-participants");
        maxParticipants.setMin(CallTypeSettings.MIN_PARTICIPANTS);
        maxParticipants.setMax(CallTypeSettings.MAX_PARTICIPANTS);
        maxParticipants.setStepButtonsVisible(true);
        maxParticipants.setValue(start.maxParticipants());
        maxParticipants.setHelperText(getTranslation("type-editor.max-participants-help", CallTypeSettings.MIN_PARTICIPANTS,
                CallTypeSettings.MAX_PARTICIPANTS));
        form.forField(maxParticipants).asRequired(getTranslation("type-editor.max-participants-required")).bind("maxParticipants");
        waitingRoom.setId("call-type-backstage");
        waitingRoom.setValue(start.backstage().enabled());
        waitingRoom.setTooltipText(getTranslation("type-editor.waiting-room-tip"));
        joinAhead.setId("call-type-join-ahead");
        joinAhead.setValue(start.backstage().joinAheadTimeSeconds());
        // Bound to the whole waiting-room setting, so the record's rules on it show under this field.
        form.forField(joinAhead).withValidator(joinAhead.validator())
                .withConverter(Converter.<Integer, Backstage>from(s -> Result.ok(new Backstage(waitingRoom.getValue(),
                        s == null ? 0 : s)), b -> b == null ? null : b.joinAheadTimeSeconds())).bind("backstage");
        joinAhead.setHelperText(getTranslation("type-editor.join-ahead-help"));
        joinAhead.setEnabled(waitingRoom.getValue());
        waitingRoom.addValueChangeListener(e -> joinAhead.setEnabled(e.getValue()));
        idlePrompt.addValueChangeListener(e -> refreshHelper(idleTimeout));
        refreshHelper(idleTimeout);

        // The name and the grants come first, so every role's row is in view when the dialog opens;
        // the timing settings follow.
        FormLayout top = new FormLayout(name, maxDuration);
        top.setResponsiveSteps(new FormLayout.ResponsiveStep("0", 1), new FormLayout.ResponsiveStep("32rem", 2));
        FormLayout layout = new FormLayout(thresholds, steps, idleTimeout, idlePrompt, emptyTimeout,
                maxParticipants, waitingRoom, joinAhead);
        layout.setResponsiveSteps(new FormLayout.ResponsiveStep("0", 1), new FormLayout.ResponsiveStep("32rem", 2));
        H3 timingTitle = new H3(getTranslation("type-editor.timing"));
        timingTitle.addClassName("section-title");

        H3 grantsTitle = new H3(getTranslation("type-editor.grants"));
        grantsTitle.addClassName("section-title");
        Paragraph grantsNote = new Paragraph(getTranslation("type-editor.grants-note"));
        grantsNote.addClassNames("muted", "note");
        grantsError.setId("call-type-grants-error");

        form.showIn("grants", grantsError);

        Div matrixScroll = new Div(grantsMatrix(roles, start));
        matrixScroll.addClassName("grants-scroll");
        add(form.message(), top, grantsTitle, grantsNote, matrixScroll, grantsError, timingTitle, layout);

        footer("call-type", getTranslation(creating ? "type-editor.create" : "dialog.save"), this::save,
                creating ? null : deleteButton("call-type", () -> confirmDelete(existing.name())));
    }

    private NativeTable grantsMatrix(List<RoleInfo> roles, CallTypeSettings start) {
        NativeTable table = new NativeTable();
        table.setId("grants-matrix");
        table.addClassName("grants-matrix");
        NativeTableRow head = table.getHead().addRow();
        head.addHeaderCell().setText(getTranslation("type-editor.role"));
        for (Capability c : Capability.grantable()) {
            head.addHeaderCell().add(capabilityHeader(c));
        }
        NativeTableHeaderCell derivedHead = head.addHeaderCell();
        derivedHead.add(capabilityHeader(Capability.CHANGE_MAX_DURATION));
        derivedHead.addClassName("derived");
        for (RoleInfo role : roles) {
            NativeTableRow row = table.getBody().addRow();
            NativeTableHeaderCell roleCell = row.addHeaderCell();
            roleCell.setText(role.name());
            roleCell.getElement().setAttribute("scope", "row");
            Map<Capability, Checkbox> boxes = new EnumMap<>(Capability.class);
            Set<Capability> granted = start.grantsOf(role.name());
            for (Capability c : Capability.grantable()) {
                Checkbox box = new Checkbox(granted.contains(c));
                box.setId("grant-" + role.name() + "-" + c.wireName());
                box.setAriaLabel(role.name() + ": " + label(c));
                box.addValueChangeListener(e -> refreshDerived(role.name()));
                boxes.put(c, box);
                row.addDataCell().add(box);
            }
            grantBoxes.put(role.name(), boxes);
            Checkbox derived = new Checkbox();
            derived.setId("derived-" + role.name() + "-change-max-duration");
            derived.setReadOnly(true);
            derived.setAriaLabel(getTranslation("type-editor.derived-label", role.name(), label(Capability.CHANGE_MAX_DURATION)));
            derived.setTooltipText(getTranslation("type-editor.derived-tip"));
            derivedBoxes.put(role.name(), derived);
            NativeTableCell derivedCell = row.addDataCell();
            derivedCell.addClassName("derived");
            derivedCell.add(derived);
            refreshDerived(role.name());
        }
        return table;
    }

    /** What a capability lets a role do, in the clinic's words (capability.<wire name>); the API's name is the small print. */
    static String label(Capability capability) {
        return Translations.t("capability." + capability.wireName());
    }

    private static Span capabilityHeader(Capability capability) {
        Span wire = new Span(capability.wireName());
        wire.addClassName("cell-sub");
        Span header = new Span(new Span(label(capability)), wire);
        header.getElement().setAttribute("title", Translations.t("type-editor.api-name", capability.wireName()));
        return header;
    }

    private void refreshDerived(String role) {
        Checkbox derived = derivedBoxes.get(role);
        if (derived != null) {
            derived.setValue(Capability.withDerived(ticked(role)).contains(Capability.CHANGE_MAX_DURATION));
        }
    }

    private Set<Capability> ticked(String role) {
        EnumSet<Capability> out = EnumSet.noneOf(Capability.class);
        grantBoxes.getOrDefault(role, Map.of()).forEach((c, box) -> {
            if (Boolean.TRUE.equals(box.getValue())) {
                out.add(c);
            }
        });
        return out;
    }

    private void save() {
        CallTypeSettings saved = form.submit(this::typed,
                settings -> creating ? types.create(actor.get(), settings) : types.update(actor.get(), settings));
        if (saved != null) {
            saved(getTranslation("type-editor.saved", saved.name()));
        }
    }

    /** The settings as typed; called once every field has passed its checks. */
    private CallTypeSettings typed() {
        return new CallTypeSettings(name.getValue(), maxDuration.getValue(), grants(),
                seconds(thresholds), seconds(steps),
                idleTimeout.getValue(), idlePrompt.getValue(), emptyTimeout.getValue(), maxParticipants.getValue(),
                new Backstage(waitingRoom.getValue(), valueOr(joinAhead, 0)));
    }

    private void confirmDelete(String typeName) {
        ConfirmDelete.ask("confirm-delete-call-type", getTranslation("type-editor.delete-question", typeName),
                getTranslation("type-editor.delete-text"), () -> form.attempt(() -> types.delete(actor.get(), typeName)),
                getTranslation("type-editor.deleted", typeName), this::changedAndClose);
    }

    private Map<String, Set<Capability>> grants() {
        Map<String, Set<Capability>> out = new LinkedHashMap<>();
        for (String role : grantBoxes.keySet()) {
            Set<Capability> caps = ticked(role);
            if (!caps.isEmpty()) {
                out.put(role, caps);
            }
        }
        return out;
    }

    /** A new type starts like the seed's appointment type: an hour, patients talk, specialists also extend. */
    private static CallTypeSettings newTypeDefaults(List<RoleInfo> roles) {
        Set<String> names = roles.stream().map(RoleInfo::name).collect(Collectors.toSet());
        Map<String, Set<Capability>> grants = new LinkedHashMap<>();
        Set<Capability> talk = EnumSet.of(Capability.JOIN_CALL, Capability.SEND_AUDIO, Capability.SEND_VIDEO);
        if (names.contains(Roles.SPECIALIST)) {
            Set<Capability> staff = EnumSet.copyOf(talk);
            staff.addAll(EnumSet.of(Capability.UPDATE_CALL, Capability.UPDATE_CALL_SETTINGS, Capability.END_CALL));
            grants.put(Roles.SPECIALIST, staff);
        }
        if (names.contains(Roles.PATIENT)) {
            grants.put(Roles.PATIENT, talk);
        }
        return CallTypeSettings.defaults("", 3600).withGrants(grants);
    }

    // ------------------------------------------------------------------ durations in human units

    /** A required duration field bound to {@code component}; its helper text says what the value means. */
    private void duration(DurationField field, String id, String component, int value, IntFunction<String> helper) {
        field.setId(id);
        field.setValue(value);
        // Text that is no duration is named first; only an empty field is "required".
        form.forField(field).withValidator(field.validator())
                .asRequired(getTranslation("type-editor.duration-required", field.getLabel())).bind(component);
        helpers.put(field, helper);
        field.addValueChangeListener(e -> refreshHelper(field));
        refreshHelper(field);
    }

    private void refreshHelper(DurationField field) {
        IntFunction<String> helper = helpers.get(field);
        Integer v = field.getValue();
        if (helper != null) {
            field.setHelperText(v == null ? getTranslation("type-editor.duration-help") : helper.apply(v));
        }
    }

    /** A list of durations typed as "20 min, 5 min" and bound to {@code component}; the helper text repeats it. */
    private void list(TextField field, String id, String component, List<Integer> values,
                      Function<List<Integer>, String> helper) {
        field.setId(id);
        field.setValue(Durations.typedList(values, Translations.current()));
        field.setPlaceholder(getTranslation("type-editor.list-placeholder"));
        form.forField(field).withConverter(Converter.from(CallTypeEditor::parseDurations,
                v -> Durations.typedList(v, Translations.current()))).bind(component);
        Runnable refresh = () -> parseDurations(field.getValue()).handle(
                parsed -> field.setHelperText(parsed.isEmpty() ? getTranslation("type-editor.none") : helper.apply(parsed)),
                error -> field.setHelperText(getTranslation("type-editor.list-help")));
        field.addValueChangeListener(e -> refresh.run());
        refresh.run();
    }

    private static int valueOr(DurationField field, int otherwise) {
        return field.getValue() == null ? otherwise : field.getValue();
    }

    /** The seconds a list field holds; only called once its converter has accepted the text. */
    private static List<Integer> seconds(TextField field) {
        return parseDurations(field.getValue()).getOrThrow(IllegalStateException::new);
    }

    /**
     * "20 min, 5 min, 30 s" to [1200, 300, 30]; a duration listed twice is named as typed ("5 min",
     * not the constraint's seconds). Ranges are the constraints' to check.
     */
    static Result<List<Integer>> parseDurations(String text) {
        StringBuilder bad = new StringBuilder();
        Optional<List<Integer>> parsed = Durations.parseList(text, bad);
        if (parsed.isEmpty()) {
            return Result.error(Translations.t("duration-field.invalid", bad));
        }
        List<Integer> seconds = parsed.get();
        return seconds.stream().filter(s -> seconds.indexOf(s) != seconds.lastIndexOf(s)).findFirst()
                .<Result<List<Integer>>>map(twice -> Result.error(Translations.t("type-editor.list-twice", Durations.human(twice))))
                .orElseGet(() -> Result.ok(seconds));
    }
}
