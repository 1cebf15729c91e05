package org.careclock.call;

import org.careclock.testing.ConstraintTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The rules of a new appointment as constraints on {@link NewCall}, checked without Spring. */
class NewCallValidationTest extends ConstraintTest {



    static NewCall call(String id, String title, Integer override) {
        return new NewCall("appointment", id, title, List.of("bill"), null, null, override);
    }

    @Test
    void a_plain_appointment_keeps_every_rule() {
        assertThat(broken(call("appt-1", "Check-up", null))).isEmpty();
        assertThat(broken(call("A".repeat(Cid.ID_MAX), "t".repeat(NewCall.TITLE_MAX), 0))).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "with space", "a:b", "slash/id", "ünicode"})
    void ids_outside_the_pattern_break_the_id_rule(String id) {
        assertThat(broken(call(id, null, null)))
                .containsExactly("id: Appointment id may hold only letters, digits, '_' or '-' (1 to 64 characters)");
    }

    @Test
    void an_id_may_have_64_characters_but_not_65_and_is_required() {
        assertThat(broken(call("x".repeat(Cid.ID_MAX + 1), null, null))).hasSize(1);
        assertThat(broken(call(null, null, null))).hasSize(1);
    }

    @Test
    void a_type_is_required() {
        assertThat(broken(new NewCall(null, "appt-1", null, List.of(), null, null, null)))
                .containsExactly("type: Choose a call type");
    }

    @Test
    void a_title_has_at_most_200_characters_and_a_blank_one_is_none() {
        assertThat(broken(call("appt-1", "t".repeat(NewCall.TITLE_MAX + 1), null)))
                .containsExactly("title: Title may have at most 200 characters");
        assertThat(call("appt-1", "   ", null).title()).isNull();
        assertThat(call("appt-1", "  Check-up ", null).title()).isEqualTo("Check-up");
    }

    @Test
    void the_override_is_0_to_86400_and_named_as_the_api_names_it() {
        String rule = "max_duration_seconds: Duration override must be between 0 and 86400 seconds (0: no time limit)";
        assertThat(broken(call("appt-1", null, -1))).containsExactly(rule);
        assertThat(broken(call("appt-1", null, 86_401))).containsExactly(rule);
        assertThat(broken(call("appt-1", null, 86_400))).isEmpty();
    }
}
