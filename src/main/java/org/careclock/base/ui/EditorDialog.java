package org.careclock.base.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.ComponentEvent;
import com.vaadin.flow.component.ComponentEventListener;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.shared.Registration;

/**
 * The dialog the administration pages edit a thing in: Cancel and Save in the footer (and
 * perhaps one more action at its start), and a {@link ChangedEvent} when something was saved
 * or deleted, so the page behind refreshes.
 */
public abstract class EditorDialog extends Dialog {

    /** Something the editor saved or deleted. */
    public static class ChangedEvent extends ComponentEvent<EditorDialog> {
        ChangedEvent(EditorDialog source) {
            super(source, false);
        }
    }

    public Registration addChangedListener(ComponentEventListener<ChangedEvent> listener) {
        return addListener(ChangedEvent.class, listener);
    }

    /** Footer buttons {@code cancel-<id>} and {@code save-<id>}, with {@code start} (if any) on the left. */
    protected void footer(String id, String saveText, Runnable save, Component start) {
        Button saveButton = new Button(saveText, e -> save.run());
        saveButton.setId("save-" + id);
        saveButton.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        Button cancel = new Button(getTranslation("dialog.cancel"), e -> close());
        cancel.setId("cancel-" + id);
        if (start != null) {
            start.addClassName("footer-start");
            getFooter().add(start);
        }
        getFooter().add(cancel, saveButton);
    }

    /** A "Delete…" button for the footer's start. */
    protected static Button deleteButton(String id, Runnable confirm) {
        Button delete = new Button(Translations.t("dialog.delete-ellipsis"), e -> confirm.run());
        delete.setId("delete-" + id);
        delete.addThemeVariants(ButtonVariant.LUMO_ERROR, ButtonVariant.LUMO_TERTIARY);
        return delete;
    }

    /** Tells the page behind that something changed. */
    protected void changed() {
        fireEvent(new ChangedEvent(this));
    }

    /** Tells the page behind, and closes. */
    protected void changedAndClose() {
        changed();
        close();
    }

    /** Shows {@code message}, tells the page behind, and closes. */
    protected void saved(String message) {
        Notifications.success(message);
        changedAndClose();
    }
}
