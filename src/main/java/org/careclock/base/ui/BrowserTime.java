package org.careclock.base.ui;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.server.VaadinSession;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.Locale;
import java.util.function.Consumer;

/** Times shown in the browser's own time zone (asked once per session, then remembered). */
public final class BrowserTime {

    private static final String KEY = BrowserTime.class.getName();

    private BrowserTime() {
    }

    /** Calls back with the browser's zone (the server's own when the browser did not tell it). */
    public static void withZone(UI ui, Consumer<ZoneId> action) {
        VaadinSession session = ui.getSession();
        ZoneId known = session == null ? null : (ZoneId) session.getAttribute(KEY);
        if (known != null) {
            action.accept(known);
            return;
        }
        ZoneId zone = ZoneId.systemDefault();
        var details = ui.getPage().getExtendedClientDetails();
        try {
            if (details != null && details.getTimeZoneId() != null) {
                zone = ZoneId.of(details.getTimeZoneId());
                if (session != null) {
                    session.setAttribute(KEY, zone);
                }
            }
        } catch (RuntimeException unknownZone) {
            zone = ZoneId.systemDefault();
        }
        action.accept(zone);
    }

    public static String dateTime(Instant instant, ZoneId zone) {
        return instant == null ? "" : DateTimeFormatter.ofPattern("EEE d MMM yyyy, HH:mm", Locale.ENGLISH).withZone(zone).format(instant);
    }

    public static String time(Instant instant, ZoneId zone) {
        return instant == null ? "" : DateTimeFormatter.ofLocalizedTime(FormatStyle.SHORT).withLocale(Locale.UK).withZone(zone).format(instant);
    }
}
