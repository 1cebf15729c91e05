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
import org.careclock.base.ui.Durations;
import org.careclock.base.ui.EditorDialog;
import org.careclock.base.ui.RecordForm;
import org.careclock.calltype.CallTypeService;
import org.careclock.calltype.CallTypeSettings;
import org.careclock.calltype.Backstage;
import org.careclock.calltype.Capability;
import org.careclock.base.Actor;
import org.careclock.base.Roles;
import org.careclock.user.RoleInfo;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
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

    private final TextField name = new TextField("Name");
    private final IntegerField maxDuration = new IntegerField("Maximum duration (seconds)");
    private final TextField thresholds = new TextField("Alerts (seconds before the end)");
    private final TextField steps = new TextField("Extension steps (seconds)");
    private final IntegerField idleTimeout = new IntegerField("Idle timeout (seconds)");
    private final IntegerField idlePrompt = new IntegerField("Idle prompt (seconds)");
    private final IntegerField emptyTimeout = new IntegerField("Empty timeout (seconds)");
    private final IntegerField maxParticipants = new IntegerField("Participants at most");
    private final com.vaadin.flow.component.checkbox.Checkbox waitingRoom =
            new com.vaadin.flow.component.checkbox.Checkbox("Waiting room: the call starts when staff start it");
    private final IntegerField joinAhead = new IntegerField("Waiting room opens ahead of the start (seconds)");
    private final Map<String, Map<Capability, Checkbox>> grantBoxes = new LinkedHashMap<>();
    private final Map<String, Checkbox> derivedBoxes = new LinkedHashMap<>();
    private final Map<IntegerField, IntFunction<String>> helpers = new LinkedHashMap<>();
    private final Div grantsError = new Div();
    private final RecordForm<CallTypeSettings> form = new RecordForm<>(CallTypeSettings.class, "call-type-error");

    /** {@code existing}: the type to edit, or null to create one. */
    CallTypeEditor(CallTypeService types, List<RoleInfo> roles, Supplier<Actor> actor, CallTypeSettings existing) {
        this.types = types;
        this.actor = actor;
        this.creating = existing == null;
        CallTypeSettings start = existing != null ? existing : newTypeDefaults(roles);

        setId("call-type-dialog");
        setHeaderTitle(creating ? "New call type" : "Call type " + existing.name());
        setWidth("min(60rem, 100vw)");
        setCloseOnOutsideClick(false);

        name.setId("call-type-name");
        name.setMaxLength(CallTypeSettings.NAME_MAX);
        name.setValue(start.name());
        name.setReadOnly(!creating);
        name.setHelperText(creating ? "a-z, 0-9, '_' or '-'; cannot be changed later" : "The name cannot be changed");
        form.forField(name).bind("name");

        seconds(maxDuration, "call-type-max-duration", "maxDurationSeconds", start.maxDurationSeconds(), 0,
                v -> v == 0 ? "0 = no time limit" : "= " + Durations.human(v) + " (0 = no time limit)");
        list(thresholds, "call-type-alert-thresholds", "alertThresholdsSeconds", start.alertThresholdsSeconds(),
                "1200, 300", vs -> vs.stream().map(Durations::human).collect(Collectors.joining(", ")) + " before the end");
        list(steps, "call-type-extension-steps", "extensionStepsSeconds", start.extensionStepsSeconds(),
                "600, 1800", vs -> "Staff may add " + vs.stream().map(Durations::extension).collect(Collectors.joining(" or ")));
        seconds(idleTimeout, "call-type-idle-timeout", "idleTimeoutSeconds", start.idleTimeoutSeconds(), 0,
                v -> v == 0 ? "0 = a participant alone is never asked" : "A participant alone is asked after "
                        + Durations.human(Math.max(0, v - valueOr(idlePrompt, 0))) + "; 0 = off");
        seconds(idlePrompt, "call-type-idle-prompt", "idlePromptSeconds", start.idlePromptSeconds(), 0,
                v -> "The Stay / Leave question waits " + Durations.human(v) + ", then the call ends");
        seconds(emptyTimeout, "call-type-empty-timeout", "emptyTimeoutSeconds", start.emptyTimeoutSeconds(), 1,
                v -> "A session nobody is in ends after " + Durations.human(v));
        maxParticipants.setId("call-type-max-participants");
        maxParticipants.setMin(CallTypeSettings.MIN_PARTICIPANTS);
        maxParticipants.setMax(CallTypeSettings.MAX_PARTICIPANTS);
        maxParticipants.setStepButtonsVisible(true);
        maxParticipants.setValue(start.maxParticipants());
        maxParticipants.setHelperText("People in a call at once, with audio and video (" + CallTypeSettings.MIN_PARTICIPANTS
                + " to " + CallTypeSettings.MAX_PARTICIPANTS + ")");
        form.forField(maxParticipants).asRequired("Participants at most needs a whole number").bind("maxParticipants");
        waitingRoom.setId("call-type-backstage");
        waitingRoom.setValue(start.backstage().enabled());
        waitingRoom.setTooltipText("Patients wait until someone whose role may start the call (join-backstage) starts it; "
                + "the time budget starts then.");
        joinAhead.setId("call-type-join-ahead");
        joinAhead.setMin(0);
        joinAhead.setMax(CallTypeSettings.MAX_SECONDS);
        joinAhead.setValue(start.backstage().joinAheadTimeSeconds());
        joinAhead.setHelperText("0 = from the scheduled start; a call without a start opens at any time");
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
        H3 timingTitle = new H3("Alerts, extensions and idle time");
        timingTitle.addClassName("section-title");

        H3 grantsTitle = new H3("What each role may do");
        grantsTitle.addClassName("section-title");
        Paragraph grantsNote = new Paragraph("\"Extend a running call\" is not ticked directly: a role may extend when it "
                + "may both change the appointment and change its settings.");
        grantsNote.addClassNames("muted", "note");
        grantsError.setId("call-type-grants-error");

        form.showIn("grants", grantsError);

        Div matrixScroll = new Div(grantsMatrix(roles, start));
        matrixScroll.addClassName("grants-scroll");
        add(form.message(), top, grantsTitle, grantsNote, matrixScroll, grantsError, timingTitle, layout);

        footer("call-type", creating ? "Create" : "Save", this::save,
                creating ? null : deleteButton("call-type", () -> confirmDelete(existing.name())));
    }

    private NativeTable grantsMatrix(List<RoleInfo> roles, CallTypeSettings start) {
        NativeTable table = new NativeTable();
        table.setId("grants-matrix");
        table.addClassName("grants-matrix");
        NativeTableRow head = table.getHead().addRow();
        head.addHeaderCell().setText("Role");
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
            derived.setAriaLabel(role.name() + ": " + label(Capability.CHANGE_MAX_DURATION) + " (follows, read-only)");
            derived.setTooltipText("Follows when \"Change the appointment\" and \"Change its settings\" are both ticked");
            derivedBoxes.put(role.name(), derived);
            NativeTableCell derivedCell = row.addDataCell();
            derivedCell.addClassName("derived");
            derivedCell.add(derived);
            refreshDerived(role.name());
        }
        return table;
    }

    /** What a capability lets a role do, in the clinic's words; the API's name is the small print. */
    static String label(Capability capability) {
        return switch (capability) {
            case JOIN_CALL -> "Join the call";
            case JOIN_BACKSTAGE -> "Start it from the waiting room";
            case SEND_AUDIO -> "Speak";
            case SEND_VIDEO -> "Show video";
            case UPDATE_CALL -> "Change the appointment";
            case UPDATE_CALL_SETTINGS -> "Change its settings";
            case END_CALL -> "End it for everyone";
            case READ_CALL -> "See appointments they are not in";
            case JOIN_ENDED_CALL -> "Open an ended call";
            case CREATE_CALL -> "Schedule appointments";
            case CHANGE_MAX_DURATION -> "Extend a running call";
        };
    }

    private static Span capabilityHeader(Capability capability) {
        Span wire = new Span(capability.wireName());
        wire.addClassName("cell-sub");
        Span header = new Span(new Span(label(capability)), wire);
        header.getElement().setAttribute("title", "API name: " + capability.wireName());
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
            saved("Call type " + saved.name() + " saved");
        }
    }

    /** The settings as typed; called once every field has passed its checks. */
    private CallTypeSettings typed() {
        return new CallTypeSettings(name.getValue(), maxDuration.getValue(), grants(),
                seconds(thresholds), seconds(steps),
                idleTimeout.getValue(), idlePrompt.getValue(), emptyTimeout.getValue(), maxParticipants.getValue(),
                new Backstage(waitingRoom.getValue(), joinAhead.getValue() == null ? 0 : joinAhead.getValue()));
    }

    private void confirmDelete(String typeName) {
        ConfirmDelete.ask("confirm-delete-call-type", "call type " + typeName,
                "Appointments can no longer be scheduled with it. A type that appointments use cannot be deleted.",
                () -> form.attempt(() -> types.delete(actor.get(), typeName)), this::changedAndClose);
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

    // ------------------------------------------------------------------ fields in seconds

    /**
     * A field in seconds bound to {@code component}, from {@code min} to {@link CallTypeSettings#MAX_SECONDS};
     * its helper text says what the number means, in human units.
     */
    private void seconds(IntegerField field, String id, String component, int value, int min, IntFunction<String> helper) {
        field.setId(id);
        field.setMin(min);
        field.setMax(CallTypeSettings.MAX_SECONDS);
        field.setValue(value);
        form.forField(field).asRequired(field.getLabel() + " needs a whole number of seconds").bind(component);
        helpers.put(field, helper);
        field.addValueChangeListener(e -> refreshHelper(field));
        refreshHelper(field);
    }

    private void refreshHelper(IntegerField field) {
        IntFunction<String> helper = helpers.get(field);
        Integer v = field.getValue();
        if (helper != null) {
            field.setHelperText(v == null ? "Whole seconds" : helper.apply(v));
        }
    }

    /**
     * A list of seconds typed as "1200, 300" and bound to {@code component}; the helper text
     * repeats it in human units.
     */
    private void list(TextField field, String id, String component, List<Integer> values, String example,
                      Function<List<Integer>, String> helper) {
        field.setId(id);
        field.setValue(join(values));
        field.setPlaceholder("e.g. " + example);
        form.forField(field).withConverter(SECONDS).bind(component);
        Runnable refresh = () -> parseSeconds(field.getValue()).handle(
                parsed -> field.setHelperText(parsed.isEmpty() ? "None" : helper.apply(parsed)),
                error -> field.setHelperText("Whole seconds, separated by commas"));
        field.addValueChangeListener(e -> refresh.run());
        refresh.run();
    }

    private static int valueOr(IntegerField field, int otherwise) {
        return field.getValue() == null ? otherwise : field.getValue();
    }

    /** The seconds a list field holds; only called once its converter has accepted the text. */
    private static List<Integer> seconds(TextField field) {
        return parseSeconds(field.getValue()).getOrThrow(IllegalStateException::new);
    }

    /** Lists of seconds as the admin types them, "1200, 300", and back. */
    private static final Converter<String, List<Integer>> SECONDS =
            Converter.from(CallTypeEditor::parseSeconds, CallTypeEditor::join);

    private static String join(List<Integer> seconds) {
        return seconds.stream().map(String::valueOf).collect(Collectors.joining(", "));
    }

    /** "1200, 300" (commas, semicolons or spaces) to [1200, 300]; ranges and duplicates are the constraints' to check. */
    static Result<List<Integer>> parseSeconds(String text) {
        List<Integer> out = new ArrayList<>();
        if (text == null) {
            return Result.ok(out);
        }
        for (String token : text.split("[,;\\s]+")) {
            if (token.isEmpty()) {
                continue;
            }
            try {
                out.add(Integer.valueOf(token));
            } catch (NumberFormatException e) {
                return Result.error("Type whole seconds separated by commas; \"" + token + "\" is not one");
            }
        }
        return Result.ok(out);
    }
}
