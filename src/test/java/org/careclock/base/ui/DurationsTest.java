package org.careclock.base.ui;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.List;
import java.util.Locale;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

/** Durations read from what people type, in English and German, and written back the same way. */
class DurationsTest {

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "1 h 30 min|5400", "90 min|5400", "45 s|45", "1:30:00|5400", "1:30|5400", "0:00:45|45",
            "1h30|5400", "1h 30m|5400", "2 min 30|150", "90|5400", "0|0", "1 hour 5 minutes|3900",
            "1 Std. 30 Min.|5400", "10 Min.|600", "30 Sek.|30", "2 Stunden|7200", "  24 h |86400", "1 H 1 MIN 1 S|3661"})
    void reads_a_duration_typed_in_either_language(String typed, int seconds) {
        assertThat(Durations.parse(typed)).contains(seconds);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "  ", "abc", "1 fortnight", "30 min 1 h", "1 h 2 h", "1.5 h", "-5 min", "1:75", "h", "9999999 h"})
    void refuses_what_is_no_duration(String typed) {
        assertThat(Durations.parse(typed)).isEmpty();
    }

    @Test
    void writes_durations_in_the_language_asked_for_and_reads_them_back() {
        for (int seconds : new int[]{45, 60, 600, 3600, 5400, 3661, 86400}) {
            for (Locale locale : Translations.LOCALES) {
                assertThat(Durations.parse(Durations.typed(seconds, locale))).as(seconds + " in " + locale).contains(seconds);
            }
        }
        assertThat(Durations.human(5400, Locale.ENGLISH)).isEqualTo("1 h 30 min");
        assertThat(Durations.human(5400, Locale.GERMAN)).isEqualTo("1 Std. 30 Min.");
        assertThat(Durations.human(45, Locale.GERMAN)).isEqualTo("45 Sek.");
        assertThat(Durations.human(0, Locale.GERMAN)).isEqualTo("ohne Begrenzung");
        assertThat(Durations.typed(0, Locale.ENGLISH)).isEqualTo("0 min");
        assertThat(Durations.spoken(120, Locale.ENGLISH)).isEqualTo("2 minutes");
        assertThat(Durations.spoken(3600, Locale.GERMAN)).isEqualTo("1 Stunde");
        assertThat(Durations.spoken(1, Locale.GERMAN)).isEqualTo("1 Sekunde");
        assertThat(Durations.spoken(30, Locale.GERMAN)).isEqualTo("30 Sekunden");
    }

    @Test
    void reads_a_list_and_names_the_item_that_is_no_duration() {
        assertThat(Durations.parseList("20 min, 5 min; 30 s", new StringBuilder())).contains(List.of(1200, 300, 30));
        assertThat(Durations.parseList("20 Min., 5 Min.", new StringBuilder())).contains(List.of(1200, 300));
        assertThat(Durations.parseList("", new StringBuilder())).contains(List.of());
        StringBuilder bad = new StringBuilder();
        assertThat(Durations.parseList("20 min, soon", bad)).isEqualTo(Optional.empty());
        assertThat(bad).hasToString("soon");
        assertThat(Durations.typedList(List.of(1200, 30), Locale.GERMAN)).isEqualTo("20 Min., 30 Sek.");
    }
}
