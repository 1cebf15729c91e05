package org.careclock.base.ui;

import com.vaadin.flow.component.confirmdialog.ConfirmDialog;

/** The one "Delete …?" question of the admin editors: red confirm button, cancellable. */
public final class ConfirmDelete {

    private ConfirmDelete() {
    }

    /**
     * Asks {@code question}, and on confirmation runs {@code delete}; when it succeeds (answers
     * true) shows {@code deleted} and runs {@code afterwards}. All texts come translated.
     */
    public static void ask(String id, String question, String consequences, java.util.function.BooleanSupplier delete,
                           String deleted, Runnable afterwards) {
        ConfirmDialog confirm = new ConfirmDialog();
        confirm.setId(id);
        confirm.setHeader(question);
        confirm.setText(consequences);
        confirm.setCancelable(true);
        confirm.setCancelText(Translations.t("dialog.cancel"));
        confirm.setConfirmText(Translations.t("dialog.delete"));
        confirm.setConfirmButtonTheme("error primary");
        confirm.addConfirmListener(e -> {
            if (delete.getAsBoolean()) {
                Notifications.success(deleted);
                afterwards.run();
            }
        });
        confirm.open();
    }
}
