package org.careclock.base.ui;

import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;

/**
 * The two kinds of toast the portal shows, both in one place: the bottom end, clear of the
 * navigation drawer, the page's heading and the in-call clock (on a phone, across the bottom).
 */
public final class Notifications {

    /** Where every toast appears. */
    public static final Notification.Position POSITION = Notification.Position.BOTTOM_END;

    private Notifications() {
    }

    public static Notification error(String message) {
        Notification n = Notification.show(message, 6000, POSITION);
        n.addThemeVariants(NotificationVariant.LUMO_ERROR);
        return n;
    }

    public static Notification success(String message) {
        Notification n = Notification.show(message, 4000, POSITION);
        n.addThemeVariants(NotificationVariant.LUMO_SUCCESS);
        return n;
    }
}
