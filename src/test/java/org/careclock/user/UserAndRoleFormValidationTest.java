package org.careclock.user;

import org.careclock.testing.ConstraintTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The rules of users and roles as constraints on their form records, checked without Spring. */
class UserAndRoleFormValidationTest extends ConstraintTest {



    static UserService.UserForm user(String id, String name, String password) {
        return new UserService.UserForm(id, name, "patient", true, password);
    }

    @Test
    void a_plain_user_keeps_every_rule_and_may_have_no_password() {
        assertThat(broken(user("x.mail_box@clinic-example.org", "Mail", "mail-pass-1"))).isEmpty();
        assertThat(broken(user("u".repeat(UserService.ID_MAX), "n".repeat(UserService.NAME_MAX), null))).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "Bill", "bill smith", "bill/2", "bill#", "bíll"})
    void user_ids_outside_the_pattern_break_the_id_rule(String id) {
        assertThat(broken(user(id, "Someone", null)))
                .containsExactly("id: User id may hold only a-z, 0-9, '@', '.', '_' or '-' (1 to 64 characters)");
    }

    @Test
    void the_display_name_is_required_kept_without_surrounding_spaces_and_at_most_120_characters() {
        assertThat(broken(user("jack", "   ", null))).containsExactly("name: Display name is required");
        assertThat(broken(user("jack", "n".repeat(UserService.NAME_MAX + 1), null)))
                .containsExactly("name: Display name may have at most 120 characters");
        assertThat(user("jack", "  Jack Crawford ", null).name()).isEqualTo("Jack Crawford");
    }

    @Test
    void a_role_is_required() {
        assertThat(broken(new UserService.UserForm("jack", "Jack", null, true, null)))
                .containsExactly("role: Choose a role");
    }

    @Test
    void passwords_have_8_to_128_characters() {
        String rule = "password: Password must have 8 to 128 characters";
        assertThat(broken(user("pw", "Pw", "1234567"))).containsExactly(rule);
        assertThat(broken(user("pw", "Pw", ""))).containsExactly(rule);
        assertThat(broken(user("pw", "Pw", "p".repeat(UserService.PASSWORD_MAX + 1)))).containsExactly(rule);
        assertThat(broken(user("pw", "Pw", "12345678"))).isEmpty();
        assertThat(broken(new UserService.NewPassword("1234567"))).containsExactly(rule);
        assertThat(broken(new UserService.NewPassword(null))).containsExactly(rule);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "Nurse", "1nurse", "-nurse", "nurse role", "nurse!", "ärztin"})
    void role_names_outside_the_pattern_break_the_name_rule(String name) {
        assertThat(broken(new RoleService.RoleForm(name, ""))).containsExactly("name: Role name must start with a "
                + "lower-case letter and hold only a-z, 0-9, '_' or '-' (at most 64 characters)");
    }

    @Test
    void a_role_name_has_at_most_64_characters_and_a_description_at_most_200() {
        assertThat(broken(new RoleService.RoleForm("r" + "x".repeat(RoleService.NAME_MAX - 1), null))).isEmpty();
        assertThat(broken(new RoleService.RoleForm("r" + "x".repeat(RoleService.NAME_MAX), null))).hasSize(1);
        assertThat(broken(new RoleService.RoleForm("nurse", "d".repeat(RoleService.DESCRIPTION_MAX + 1))))
                .containsExactly("description: Description may have at most 200 characters");
        assertThat(new RoleService.RoleForm("nurse", "  Ward nurses  ").description()).isEqualTo("Ward nurses");
        assertThat(new RoleService.RoleForm("nurse", null).description()).isEmpty();
    }
}
