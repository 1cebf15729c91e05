package org.careclock.user.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.PasswordField;
import com.vaadin.flow.component.textfield.TextField;
import org.careclock.base.InvalidInputException;
import org.careclock.base.ui.EditorDialog;
import org.careclock.base.ui.FormErrors;
import org.careclock.base.ui.Notifications;
import org.careclock.base.Actor;
import org.careclock.base.Roles;
import org.careclock.user.RoleInfo;
import org.careclock.user.UserInfo;
import org.careclock.user.UserService;

import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import java.util.stream.Collectors;

/** Creates a user (id, name, role, password, enabled) or edits one (name, role, enabled; a new password). */
class UserEditor extends EditorDialog {

    /** A user was created or changed. */

    private final UserService users;
    private final Supplier<Actor> actor;
    private final UserInfo existing;
    private final TextField id = new TextField("User id");
    private final TextField name = new TextField("Display name");
    private final Select<String> role = new Select<>();
    private final PasswordField password = new PasswordField("Password");
    private final Checkbox enabled = new Checkbox("Enabled: the user can sign in");
    private final FormErrors errors = new FormErrors("user-error");

    /** {@code existing}: the user to edit, or null to create one. */
    UserEditor(UserService users, List<RoleInfo> roles, Supplier<Actor> actor, UserInfo existing) {
        this.users = users;
        this.actor = actor;
        this.existing = existing;
        setId("user-dialog");
        setHeaderTitle(existing == null ? "New user" : "User " + existing.id());
        setWidth("min(36rem, 100vw)");
        setCloseOnOutsideClick(false);

        id.setId("user-id");
        id.setMaxLength(UserService.ID_MAX);
        id.setHelperText(existing == null ? "The sign-in name: a-z, 0-9, '@', '.', '_' or '-'. Cannot be changed later."
                : "The sign-in name cannot be changed");
        name.setId("user-name");
        name.setMaxLength(UserService.NAME_MAX);
        Map<String, String> descriptions = roles.stream()
                .collect(Collectors.toMap(RoleInfo::name, RoleInfo::description, (a, b) -> a));
        role.setId("user-role");
        role.setLabel("Role");
        role.setItems(roles.stream().map(RoleInfo::name).toList());
        role.addValueChangeListener(e -> role.setHelperText(e.getValue() == null ? null : descriptions.get(e.getValue())));
        password.setId("user-password");
        password.setMaxLength(UserService.PASSWORD_MAX);
        password.setHelperText(UserService.PASSWORD_MIN + " to " + UserService.PASSWORD_MAX + " characters");
        enabled.setId("user-enabled");

        FormLayout form = new FormLayout();
        form.setResponsiveSteps(new FormLayout.ResponsiveStep("0", 1), new FormLayout.ResponsiveStep("28rem", 2));
        if (existing == null) {
            id.setRequiredIndicatorVisible(true);
            name.setRequiredIndicatorVisible(true);
            password.setRequiredIndicatorVisible(true);
            role.setRequiredIndicatorVisible(true);
            if (descriptions.containsKey(Roles.PATIENT)) {
                role.setValue(Roles.PATIENT);
            }
            enabled.setValue(true);
            form.add(id, name, role, password, enabled);
        } else {
            id.setValue(existing.id());
            id.setReadOnly(true);
            name.setValue(existing.displayName());
            role.setValue(existing.role());
            enabled.setValue(existing.enabled());
            form.add(id, name, role, enabled);
        }
        form.setColspan(enabled, 2);
        errors.bind("id", id).bind("name", name).bind("role", role).bind("password", password);
        add(errors.message(), form);

        Button reset = null;
        if (existing != null) {
            reset = new Button("Set a new password…", VaadinIcon.KEY.create(), e -> openPasswordDialog());
            reset.setId("reset-password");
            reset.addThemeVariants(ButtonVariant.LUMO_TERTIARY);
        }
        footer("user", existing == null ? "Create user" : "Save", this::save, reset);
    }

    private void save() {
        UserInfo saved = errors.attempt(() -> {
            if (role.getValue() == null) {
                throw new InvalidInputException("role", "Choose a role");
            }
            if (existing == null) {
                return users.create(actor.get(), new UserService.UserForm(id.getValue().strip(), name.getValue(),
                        role.getValue(), enabled.getValue(), password.getValue()));
            }
            return users.update(actor.get(), new UserService.UserForm(existing.id(), name.getValue(),
                    role.getValue(), enabled.getValue(), null));
        });
        if (saved != null) {
            saved("User " + saved.id() + " saved");
        }
    }

    private void openPasswordDialog() {
        Dialog dialog = new Dialog();
        dialog.setId("reset-password-dialog");
        dialog.setHeaderTitle("New password for " + existing.id());
        PasswordField newPassword = new PasswordField("New password");
        newPassword.setId("new-password");
        newPassword.setMaxLength(UserService.PASSWORD_MAX);
        newPassword.setHelperText(UserService.PASSWORD_MIN + " to " + UserService.PASSWORD_MAX
                + " characters. Tell the user in person or by phone.");
        newPassword.setWidthFull();
        FormErrors passwordErrors = new FormErrors("password-error").bind("password", newPassword);
        dialog.add(passwordErrors.message(), newPassword);
        Button set = new Button("Set password", e -> {
            if (passwordErrors.attempt(() -> users.resetPassword(actor.get(), existing.id(), newPassword.getValue()))) {
                Notifications.success("New password set for " + existing.id());
                changed();
                dialog.close();
            }
        });
        set.setId("save-password");
        set.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        Button cancel = new Button("Cancel", e -> dialog.close());
        cancel.setId("cancel-password");
        dialog.getFooter().add(cancel, set);
        dialog.open();
    }
}
