package org.careclock.user.ui;

import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.textfield.TextField;
import org.careclock.base.Actor;
import org.careclock.base.ui.ConfirmDelete;
import org.careclock.base.ui.EditorDialog;
import org.careclock.base.ui.RecordForm;
import org.careclock.user.RoleInfo;
import org.careclock.user.RoleService;

import java.util.function.Supplier;

/**
 * Adds a role, or edits a role's description and deletes it. Fields are checked against the
 * constraints of {@link RoleService.RoleForm} as the admin types.
 */
class RoleEditor extends EditorDialog {

    private final RoleService roles;
    private final Supplier<Actor> actor;
    private final RoleInfo existing;
    private final TextField name = new TextField("Name");
    private final TextField description = new TextField("Description");
    private final RecordForm<RoleService.RoleForm> form = new RecordForm<>(RoleService.RoleForm.class, "role-error");

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
        form.forField(name).bind("name");
        form.forField(description).bind("description");

        FormLayout layout = new FormLayout(name, description);
        layout.setResponsiveSteps(new FormLayout.ResponsiveStep("0", 1));
        add(form.message(), layout);
        if (existing != null && existing.builtIn()) {
            Paragraph note = new Paragraph("Built-in role: it can be described but not deleted.");
            note.addClassNames("muted", "note");
            add(note);
        }

        footer("role", existing == null ? "Add role" : "Save", this::save,
                existing != null && !existing.builtIn() ? deleteButton("role", this::confirmDelete) : null);
    }

    private void save() {
        RoleInfo saved = form.submit(() -> new RoleService.RoleForm(name.getValue(), description.getValue()),
                role -> existing == null
                        ? roles.add(actor.get(), role.name(), role.description())
                        : roles.describe(actor.get(), existing.name(), role.description()));
        if (saved != null) {
            saved("Role " + saved.name() + " saved");
        }
    }

    private void confirmDelete() {
        ConfirmDelete.ask("confirm-delete-role", "role " + existing.name(),
                "Its grants in every call type go with it. A role that users still have cannot be deleted.",
                () -> form.attempt(() -> roles.delete(actor.get(), existing.name())), this::changedAndClose);
    }
}
