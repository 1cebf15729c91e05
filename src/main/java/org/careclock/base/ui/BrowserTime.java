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

    /** Calls back with the browser's zone: at once if known, else when the browser answers. */
    public static void withZone(UI ui, Consumer<ZoneId> action) {
        VaadinSession session = ui.getSession();
        ZoneId known = session == null ? null : (ZoneId) session.getAttribute(KEY);
        if (known != null) {
            action.accept(known);
            return;
        }
        ui.getPage().retrieveExtendedClientDetails(details -> {
            ZoneId zone;
            try {
                zone = details.getTimeZoneId() == null ? ZoneId.systemDefault() : ZoneId.of(details.getTimeZoneId());
            } catch (RuntimeException e) {
                zone = ZoneId.systemDefault();
            }
            if (ui.getSession() != null) {
                ui.getSession().setAttribute(KEY, zone);
            }
            action.accept(zone);
        });
    }

    public static String dateTime(Instant instant, ZoneId zone) {
        return instant == null ? "" : DateTimeFormatter.ofPattern("EEE d MMM yyyy, HH:mm", Locale.ENGLISH).withZone(zone).format(instant);
    }

    public static String time(Instant instant, ZoneId zone) {
        return instant == null ? "" : DateTimeFormatter.ofLocalizedTime(FormatStyle.SHORT).withLocale(Locale.UK).withZone(zone).format(instant);
    }
}
