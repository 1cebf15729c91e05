package org.careclock.base.ui;

import com.vaadin.flow.component.confirmdialog.ConfirmDialog;

/** The one "Delete …?" question of the admin editors: red confirm button, cancellable. */
public final class ConfirmDelete {

    private ConfirmDelete() {
    }

    /**
     * Asks, and on confirmation runs {@code delete}; when it succeeds (answers true) shows
     * "{@code what} deleted" and runs {@code afterwards}.
     */
    public static void ask(String id, String what, String consequences, java.util.function.BooleanSupplier delete,
                           Runnable afterwards) {
        ConfirmDialog confirm = new ConfirmDialog();
        confirm.setId(id);
        confirm.setHeader("Delete " + what + "?");
        confirm.setText(consequences);
        confirm.setCancelable(true);
        confirm.setConfirmText("Delete");
        confirm.setConfirmButtonTheme("error primary");
        confirm.addConfirmListener(e -> {
            if (delete.getAsBoolean()) {
                Notifications.success(Character.toUpperCase(what.charAt(0)) + what.substring(1) + " deleted");
                afterwards.run();
            }
        });
        confirm.open();
    }
}
