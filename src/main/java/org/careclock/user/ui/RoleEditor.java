package org.careclock.user.ui;

import com.vaadin.flow.component.ComponentEvent;
import com.vaadin.flow.component.ComponentEventListener;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.shared.Registration;
import org.careclock.base.ui.ConfirmDelete;
import org.careclock.base.ui.FormErrors;
import org.careclock.base.ui.Notifications;
import org.careclock.security.Actor;
import org.careclock.user.RoleInfo;
import org.careclock.user.RoleService;

import java.util.function.Supplier;

/** Adds a role, or edits a role's description and deletes it. */
class RoleEditor extends Dialog {

    /** A role was added, changed or deleted. */
    static class ChangedEvent extends ComponentEvent<RoleEditor> {
        ChangedEvent(RoleEditor source) {
            super(source, false);
        }
    }

    private final RoleService roles;
    private final Supplier<Actor> actor;
    private final RoleInfo existing;
    private final TextField name = new TextField("Name");
    private final TextField description = new TextField("Description");
    private final FormErrors errors = new FormErrors("role-error");

    /** {@code existing}: the role to edit, or null to add one. */
    RoleEditor(RoleService roles, Supplier<Actor> actor, RoleInfo existing) {
        this.roles = roles;
        this.actor = actor;
        this.existing = existing;
        setId("role-dialog");
        setHeaderTitle(existing == null ? "New role" : "Role " + existing.name());
        setWidth("min(32rem, 100vw)");

        name.setId("role-name");
        name.setMaxLength(RoleService.NAME_MAX);
        name.setRequiredIndicatorVisible(existing == null);
        name.setHelperText(existing == null
                ? "Starts with a-z; then a-z, 0-9, '_' or '-'. Cannot be changed later." : "The name cannot be changed");
        description.setId("role-description");
        description.setMaxLength(RoleService.DESCRIPTION_MAX);
        description.setHelperText("What people with this role do (optional)");
        if (existing != null) {
            name.setValue(existing.name());
            name.setReadOnly(true);
            description.setValue(existing.description());
        }
        errors.bind("name", name).bind("description", description);

        FormLayout form = new FormLayout(name, description);
        form.setResponsiveSteps(new FormLayout.ResponsiveStep("0", 1));
        add(errors.message(), form);
        if (existing != null && existing.builtIn()) {
            Paragraph note = new Paragraph("Built-in role: it can be described but not deleted.");
            note.addClassNames("muted", "note");
            add(note);
        }

        Button save = new Button(existing == null ? "Add role" : "Save", e -> save());
        save.setId("save-role");
        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        Button cancel = new Button("Cancel", e -> close());
        cancel.setId("cancel-role");
        if (existing != null && !existing.builtIn()) {
            Button delete = new Button("Delete…", e -> confirmDelete());
            delete.setId("delete-role");
            delete.addThemeVariants(ButtonVariant.LUMO_ERROR, ButtonVariant.LUMO_TERTIARY);
            delete.addClassName("footer-start");
            getFooter().add(delete);
        }
        getFooter().add(cancel, save);
    }

    Registration addChangedListener(ComponentEventListener<ChangedEvent> listener) {
        return addListener(ChangedEvent.class, listener);
    }

    private void save() {
        RoleInfo saved = errors.attempt(() -> existing == null
                ? roles.add(actor.get(), name.getValue().strip(), description.getValue())
                : roles.describe(actor.get(), existing.name(), description.getValue()));
        if (saved != null) {
            Notifications.success("Role " + saved.name() + " saved");
            fireEvent(new ChangedEvent(this));
            close();
        }
    }

    private void confirmDelete() {
        ConfirmDelete.ask("confirm-delete-role", "role " + existing.name(),
                "Its grants in every call type go with it. A role that users still have cannot be deleted.",
                () -> errors.attempt(() -> roles.delete(actor.get(), existing.name())), this::changedAndClose);
    }

    private void changedAndClose() {
        fireEvent(new ChangedEvent(this));
        close();
    }
}
