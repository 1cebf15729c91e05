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
    private final TextField name = new TextField(getTranslation("roles.name"));
    private final TextField description = new TextField(getTranslation("roles.description"));
    private final RecordForm<RoleService.RoleForm> form = new RecordForm<>(RoleService.RoleForm.class, "role-error");

    /** {@code existing}: the role to edit, or null to add one. */
    RoleEditor(RoleService roles, Supplier<Actor> actor, RoleInfo existing) {
        this.roles = roles;
        this.actor = actor;
        this.existing = existing;
        setId("role-dialog");
        setHeaderTitle(existing == null ? getTranslation("roles.new") : getTranslation("role-editor.edit", existing.name()));
        setWidth("min(32rem, 100vw)");

        name.setId("role-name");
        name.setMaxLength(RoleService.NAME_MAX);
        name.setHelperText(getTranslation(existing == null ? "role-editor.name-help" : "type-editor.name-fixed"));
        description.setId("role-description");
        description.setMaxLength(RoleService.DESCRIPTION_MAX);
        description.setHelperText(getTranslation("role-editor.description-help"));
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
            Paragraph note = new Paragraph(getTranslation("role-editor.built-in"));
            note.addClassNames("muted", "note");
            add(note);
        }

        footer("role", getTranslation(existing == null ? "role-editor.add" : "dialog.save"), this::save,
                existing != null && !existing.builtIn() ? deleteButton("role", this::confirmDelete) : null);
    }

    private void save() {
        RoleInfo saved = form.submit(() -> new RoleService.RoleForm(name.getValue(), description.getValue()),
                role -> existing == null
                        ? roles.add(actor.get(), role.name(), role.description())
                        : roles.describe(actor.get(), existing.name(), role.description()));
        if (saved != null) {
            saved(getTranslation("role-editor.saved", saved.name()));
        }
    }

    private void confirmDelete() {
        ConfirmDelete.ask("confirm-delete-role", getTranslation("role-editor.delete-question", existing.name()),
                getTranslation("role-editor.delete-text"), () -> form.attempt(() -> roles.delete(actor.get(), existing.name())),
                getTranslation("role-editor.deleted", existing.name()), this::changedAndClose);
    }
}
