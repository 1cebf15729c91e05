package org.careclock.user.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.textfield.PasswordField;
import com.vaadin.flow.component.textfield.TextField;
import org.careclock.base.Actor;
import org.careclock.base.Roles;
import org.careclock.base.ui.EditorDialog;
import org.careclock.base.ui.Notifications;
import org.careclock.base.ui.RecordForm;
import org.careclock.user.RoleInfo;
import org.careclock.user.UserInfo;
import org.careclock.user.UserService;

import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import java.util.stream.Collectors;

/**
 * Creates a user (id, name, role, password, enabled) or edits one (name, role, enabled; a new
 * password). Fields are checked against the constraints of {@link UserService.UserForm} as the
 * admin types.
 */
class UserEditor extends EditorDialog {

    private final UserService users;
    private final Supplier<Actor> actor;
    private final UserInfo existing;
    private final TextField id = new TextField(getTranslation("login.username"));
    private final TextField name = new TextField(getTranslation("user-editor.name"));
    // A combo box, not a Select: a required Select puts aria-required on its inner button, which
    // assistive technology may not be given there (axe-core: aria-allowed-attr).
    private final ComboBox<String> role = new ComboBox<>();
    private final PasswordField password = new PasswordField(getTranslation("login.password"));
    private final Checkbox enabled = new Checkbox(getTranslation("user-editor.enabled"));
    private final RecordForm<UserService.UserForm> form = new RecordForm<>(UserService.UserForm.class, "user-error");

    /** {@code existing}: the user to edit, or null to create one. */
    UserEditor(UserService users, List<RoleInfo> roles, Supplier<Actor> actor, UserInfo existing) {
        this.users = users;
        this.actor = actor;
        this.existing = existing;
        setId("user-dialog");
        setHeaderTitle(existing == null ? getTranslation("users.new") : getTranslation("user-editor.edit", existing.id()));
        setWidth("min(36rem, 100vw)");
        setCloseOnOutsideClick(false);

        id.setId("user-id");
        id.setMaxLength(UserService.ID_MAX);
        id.setHelperText(getTranslation(existing == null ? "user-editor.id-help" : "user-editor.id-fixed"));
        name.setId("user-name");
        name.setMaxLength(UserService.NAME_MAX);
        Map<String, String> descriptions = roles.stream()
                .collect(Collectors.toMap(RoleInfo::name, RolesView::description, (a, b) -> a));
        role.setId("user-role");
        role.setLabel(getTranslation("type-editor.role"));
        role.setItems(roles.stream().map(RoleInfo::name).toList());
        role.addValueChangeListener(e -> role.setHelperText(e.getValue() == null ? null : descriptions.get(e.getValue())));
        password.setId("user-password");
        password.setMaxLength(UserService.PASSWORD_MAX);
        password.setHelperText(getTranslation("user-editor.password-help", UserService.PASSWORD_MIN, UserService.PASSWORD_MAX));
        enabled.setId("user-enabled");

        form.forField(id).bind("id");
        form.forField(name).bind("name");
        form.forField(role).bind("role");
        form.forField(enabled).bind("enabled");
        FormLayout layout = new FormLayout();
        layout.setResponsiveSteps(new FormLayout.ResponsiveStep("0", 1), new FormLayout.ResponsiveStep("28rem", 2));
        if (existing == null) {
            // A user made here gets a password (an empty one is too short); the API's users get one later.
            form.forField(password).bind("password");
            if (descriptions.containsKey(Roles.PATIENT)) {
                role.setValue(Roles.PATIENT);
            }
            enabled.setValue(true);
            layout.add(id, name, role, password, enabled);
        } else {
            id.setValue(existing.id());
            id.setReadOnly(true);
            name.setValue(existing.displayName());
            role.setValue(existing.role());
            enabled.setValue(existing.enabled());
            layout.add(id, name, role, enabled);
        }
        layout.setColspan(enabled, 2);
        add(form.message(), layout);

        Button reset = null;
        if (existing != null) {
            reset = new Button(getTranslation("user-editor.reset"), VaadinIcon.KEY.create(), e -> openPasswordDialog());
            reset.setId("reset-password");
            reset.addThemeVariants(ButtonVariant.LUMO_TERTIARY);
        }
        footer("user", getTranslation(existing == null ? "user-editor.create" : "dialog.save"), this::save, reset);
    }

    private void save() {
        UserInfo saved = form.submit(this::typed,
                user -> existing == null ? users.create(actor.get(), user) : users.update(actor.get(), user));
        if (saved != null) {
            saved(getTranslation("user-editor.saved", saved.id()));
        }
    }

    /** The user as typed (an edit keeps the password); called once every field has passed its checks. */
    private UserService.UserForm typed() {
        return new UserService.UserForm(id.getValue(), name.getValue(), role.getValue(), enabled.getValue(),
                existing == null ? password.getValue() : null);
    }

    private void openPasswordDialog() {
        Dialog dialog = new Dialog();
        dialog.setId("reset-password-dialog");
        dialog.setHeaderTitle(getTranslation("user-editor.password-title", existing.id()));
        PasswordField newPassword = new PasswordField(getTranslation("user-editor.new-password"));
        newPassword.setId("new-password");
        newPassword.setMaxLength(UserService.PASSWORD_MAX);
        newPassword.setHelperText(getTranslation("user-editor.new-password-help", UserService.PASSWORD_MIN,
                UserService.PASSWORD_MAX));
        newPassword.setWidthFull();
        RecordForm<UserService.NewPassword> passwordForm =
                new RecordForm<>(UserService.NewPassword.class, "password-error");
        passwordForm.forField(newPassword).bind("password");
        dialog.add(passwordForm.message(), newPassword);
        Button set = new Button(getTranslation("user-editor.set-password"), e -> {
            Boolean done = passwordForm.submit(() -> new UserService.NewPassword(newPassword.getValue()), typed -> {
                users.resetPassword(actor.get(), existing.id(), typed.password());
                return Boolean.TRUE;
            });
            if (done != null) {
                Notifications.success(getTranslation("user-editor.password-set", existing.id()));
                changed();
                dialog.close();
            }
        });
        set.setId("save-password");
        set.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        Button cancel = new Button(getTranslation("dialog.cancel"), e -> dialog.close());
        cancel.setId("cancel-password");
        dialog.getFooter().add(cancel, set);
        dialog.open();
    }
}
