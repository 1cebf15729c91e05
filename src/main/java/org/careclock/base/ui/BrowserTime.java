package org.careclock.base.ui;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.server.VaadinSession;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.text.DateFormatSymbols;
import com.vaadin.flow.component.datepicker.DatePicker;
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

    /** "Thu 3 Dec 2026, 14:30" ("Do., 3. Dez. 2026, 14:30"): the pattern {@code time.date-time} of the page's language. */
    public static String dateTime(Instant instant, ZoneId zone) {
        return format("time.date-time", instant, zone);
    }

    /** The date picker's words in the page's language: month and day names, Today, Cancel; weeks start on Monday. */
    public static DatePicker.DatePickerI18n datePicker() {
        Locale locale = Translations.current();
        DateFormatSymbols symbols = DateFormatSymbols.getInstance(locale);
        return new DatePicker.DatePickerI18n()
                .setMonthNames(List.of(symbols.getMonths()).subList(0, 12))
                .setWeekdays(List.of(symbols.getWeekdays()).subList(1, 8))
                .setWeekdaysShort(List.of(symbols.getShortWeekdays()).subList(1, 8))
                .setFirstDayOfWeek(1)
                .setToday(Translations.text(locale, "date-picker.today"))
                .setCancel(Translations.text(locale, "date-picker.cancel"));
    }

    /** "14:30". */
    public static String time(Instant instant, ZoneId zone) {
        return format("time.time", instant, zone);
    }

    /** {@code instant} in the pattern the bundles give under {@code key}, in the page's language. */
    public static String format(String key, Instant instant, ZoneId zone) {
        return format(key, instant == null ? null : instant.atZone(zone));
    }

    /** As {@link #format(String, Instant, ZoneId)} for a date and time already in the user's zone. */
    public static String format(String key, java.time.temporal.TemporalAccessor when) {
        Locale locale = Translations.current();
        return when == null ? "" : DateTimeFormatter.ofPattern(Translations.text(locale, key), locale).format(when);
    }
}
