package org.careclock.user;

import org.careclock.base.InvalidInputException;
import org.careclock.base.NotFoundException;
import org.careclock.base.RefusedException;
import org.careclock.base.Actor;
import org.careclock.base.Roles;
import org.careclock.testing.SpringTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.crypto.password.PasswordEncoder;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class UserServiceTest extends SpringTest {

    @Autowired
    PasswordEncoder passwordEncoder;

    Actor admin() {
        return actor("admin");
    }

    UserService.UserForm form(String id, String name, String role, boolean enabled, String password) {
        return new UserService.UserForm(id, name, role, enabled, password);
    }

    String newPatient() {
        String id = freshId("pat");
        users.create(admin(), form(id, "Patient " + id, "patient", true, "first-pass-1"));
        return id;
    }

    @Test
    void admin_creates_a_user_whose_password_is_stored_hashed() {
        String id = freshId("jack");
        UserInfo created = users.create(admin(), form(id, "  Jack Crawford ", "specialist", true, "crawford-pass"));

        assertThat(created).isEqualTo(new UserInfo(id, "Jack Crawford", "specialist", true, true));
        Credentials credentials = users.credentials(id).orElseThrow();
        assertThat(credentials.passwordHash()).isNotEqualTo("crawford-pass");
        assertThat(passwordEncoder.matches("crawford-pass", credentials.passwordHash())).isTrue();
        assertThat(credentials.enabled()).isTrue();
    }

    @Test
    void a_user_created_disabled_cannot_sign_in() {
        String id = freshId("off");
        users.create(admin(), form(id, "Off", "patient", false, "off-pass-12"));
        assertThat(users.credentials(id).orElseThrow().enabled()).isFalse();
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "Bill", "bill smith", "bill/2", "bill#", "bíll"})
    void user_ids_outside_the_pattern_are_refused(String id) {
        assertThatThrownBy(() -> users.create(admin(), form(id, "Someone", "patient", true, "some-pass-1")))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.field()).isEqualTo("id"));
        assertThat(users.exists(id)).isFalse();
    }

    @Test
    void ids_with_at_dot_underscore_and_dash_and_64_characters_are_accepted() {
        String mail = freshId("x") + ".mail_box@clinic-example.org";
        assertThat(users.create(admin(), form(mail, "Mail", "patient", true, "mail-pass-1")).id()).isEqualTo(mail);
        String longest = (freshId("long") + "u".repeat(UserService.ID_MAX)).substring(0, UserService.ID_MAX);
        assertThat(users.create(admin(), form(longest, "Long", "patient", true, "long-pass-1")).id()).hasSize(64);
        assertThatThrownBy(() -> users.create(admin(), form("u".repeat(UserService.ID_MAX + 1), "Long", "patient", true, "long-pass-1")))
                .isInstanceOf(InvalidInputException.class);
    }

    @Test
    void a_taken_id_is_refused() {
        assertThatThrownBy(() -> users.create(admin(), form("bill", "Another Bill", "patient", true, "bill-pass-2")))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> {
                    assertThat(e.field()).isEqualTo("id");
                    assertThat(e.getMessage()).contains("already exists");
                });
        assertThat(users.find("bill").orElseThrow().displayName()).isEqualTo("Buffalo Bill");
    }

    @Test
    void the_display_name_is_required_and_at_most_120_characters() {
        assertThatThrownBy(() -> users.create(admin(), form(freshId("blank"), "   ", "patient", true, "blank-pass-1")))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.field()).isEqualTo("name"));
        assertThatThrownBy(() -> users.create(admin(), form(freshId("long"), "n".repeat(121), "patient", true, "long-pass-1")))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.field()).isEqualTo("name"));
        assertThat(users.create(admin(), form(freshId("max"), "n".repeat(120), "patient", true, "max-pass-12"))
                .displayName()).hasSize(120);
    }

    @Test
    void an_unknown_role_is_refused() {
        String id = freshId("norole");
        assertThatThrownBy(() -> users.create(admin(), form(id, "No Role", "surgeon-" + id, true, "norole-pass")))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.field()).isEqualTo("role"));
        assertThatThrownBy(() -> users.create(admin(), form(id, "No Role", null, true, "norole-pass")))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.field()).isEqualTo("role"));
        assertThat(users.exists(id)).isFalse();
    }

    @Test
    void passwords_need_8_to_128_characters() {
        String id = freshId("pw");
        assertThatThrownBy(() -> users.create(admin(), form(id, "Pw", "patient", true, "1234567")))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.field()).isEqualTo("password"));
        assertThatThrownBy(() -> users.create(admin(), form(id, "Pw", "patient", true, "")))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.field()).isEqualTo("password"));
        assertThatThrownBy(() -> users.create(admin(), form(id, "Pw", "patient", true, "p".repeat(129))))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.field()).isEqualTo("password"));
        assertThat(users.exists(id)).isFalse();
        assertThat(users.create(admin(), form(id, "Pw", "patient", true, "12345678")).hasPassword()).isTrue();
    }

    @Test
    void update_changes_name_role_and_enabled_and_keeps_the_password() {
        String id = newPatient();
        String hash = users.credentials(id).orElseThrow().passwordHash();

        UserInfo changed = users.update(admin(), form(id, "Renamed", "specialist", false, null));

        assertThat(changed).isEqualTo(new UserInfo(id, "Renamed", "specialist", false, true));
        assertThat(users.credentials(id).orElseThrow().passwordHash()).isEqualTo(hash);
    }

    @Test
    void update_of_an_unknown_user_is_not_found() {
        assertThatThrownBy(() -> users.update(admin(), form(freshId("ghost"), "Ghost", "patient", true, null)))
                .isInstanceOf(NotFoundException.class);
    }

    @Test
    void operations_without_a_user_id_answer_not_found_rather_than_failing() {
        assertThatThrownBy(() -> users.update(admin(), form(null, "Nobody", "patient", true, null)))
                .isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> users.setEnabled(admin(), null, false)).isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> users.resetPassword(admin(), null, "some-pass-12")).isInstanceOf(NotFoundException.class);
        assertThat(users.credentials(null)).isEmpty();
    }

    @Test
    void update_refuses_a_blank_name_and_an_unknown_role_and_changes_nothing() {
        String id = newPatient();
        assertThatThrownBy(() -> users.update(admin(), form(id, "", "patient", true, null)))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.field()).isEqualTo("name"));
        assertThatThrownBy(() -> users.update(admin(), form(id, "Fine", "no-such-role", true, null)))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.field()).isEqualTo("role"));
        assertThat(users.find(id).orElseThrow().displayName()).isEqualTo("Patient " + id);
    }

    @Test
    void an_admin_cannot_disable_their_own_account_or_drop_their_admin_role() {
        String id = freshId("boss");
        users.create(admin(), form(id, "Boss", "admin", true, "boss-pass-1"));
        Actor boss = actor(id);

        assertThatThrownBy(() -> users.update(boss, form(id, "Boss", "admin", false, null)))
                .isInstanceOf(RefusedException.class);
        assertThatThrownBy(() -> users.update(boss, form(id, "Boss", "patient", true, null)))
                .isInstanceOf(RefusedException.class);
        assertThatThrownBy(() -> users.setEnabled(boss, id, false))
                .isInstanceOf(RefusedException.class).hasMessageContaining("your own account");
        assertThat(users.find(id).orElseThrow()).isEqualTo(new UserInfo(id, "Boss", "admin", true, true));
    }

    @Test
    void disabling_and_enabling_a_user_changes_whether_they_can_sign_in() {
        String id = newPatient();
        assertThat(users.setEnabled(admin(), id, false).enabled()).isFalse();
        assertThat(users.credentials(id).orElseThrow().enabled()).isFalse();
        assertThat(users.setEnabled(admin(), id, true).enabled()).isTrue();
        assertThat(users.credentials(id).orElseThrow().enabled()).isTrue();
    }

    @Test
    void enabling_an_unknown_user_is_not_found() {
        assertThatThrownBy(() -> users.setEnabled(admin(), freshId("ghost"), true)).isInstanceOf(NotFoundException.class);
    }

    @Test
    void a_reset_password_replaces_the_old_one() {
        String id = newPatient();
        users.resetPassword(admin(), id, "second-pass-2");
        String hash = users.credentials(id).orElseThrow().passwordHash();
        assertThat(passwordEncoder.matches("second-pass-2", hash)).isTrue();
        assertThat(passwordEncoder.matches("first-pass-1", hash)).isFalse();
    }

    @Test
    void a_reset_password_that_is_too_short_is_refused_and_the_old_one_stays() {
        String id = newPatient();
        assertThatThrownBy(() -> users.resetPassword(admin(), id, "short"))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.field()).isEqualTo("password"));
        assertThat(passwordEncoder.matches("first-pass-1", users.credentials(id).orElseThrow().passwordHash())).isTrue();
    }

    @Test
    void the_list_is_ordered_by_id_and_carries_no_password() {
        List<UserInfo> all = users.list(admin());
        assertThat(all).extracting(UserInfo::id).contains("admin", "bill", "clarice", "dr-lecter").isSorted();
    }

    // ------------------------------------------------------------------ one refusal per guarded operation

    @Test
    void patient_cannot_list_users() {
        assertThatThrownBy(() -> users.list(actor("bill"))).isInstanceOf(RefusedException.class);
    }

    @Test
    void specialist_cannot_create_a_user() {
        String id = freshId("fake");
        assertThatThrownBy(() -> users.create(actor("dr-lecter"), form(id, "Fake", "admin", true, "fake-pass-1")))
                .isInstanceOf(RefusedException.class);
        assertThat(users.exists(id)).isFalse();
    }

    @Test
    void patient_cannot_make_themselves_admin() {
        String id = newPatient();
        assertThatThrownBy(() -> users.update(actor(id), form(id, "Me", "admin", true, null)))
                .isInstanceOf(RefusedException.class);
        assertThat(users.find(id).orElseThrow().role()).isEqualTo("patient");
    }

    @Test
    void specialist_cannot_upsert_users() {
        String id = freshId("upsert");
        assertThatThrownBy(() -> users.upsert(actor("dr-lecter"), List.of(form(id, "Up", "patient", true, null))))
                .isInstanceOf(RefusedException.class);
        assertThat(users.exists(id)).isFalse();
    }

    @Test
    void patient_cannot_disable_another_user() {
        String id = newPatient();
        assertThatThrownBy(() -> users.setEnabled(actor("bill"), id, false)).isInstanceOf(RefusedException.class);
        assertThat(users.find(id).orElseThrow().enabled()).isTrue();
    }

    @Test
    void specialist_cannot_reset_a_password() {
        String id = newPatient();
        assertThatThrownBy(() -> users.resetPassword(actor("dr-lecter"), id, "taken-over-1"))
                .isInstanceOf(RefusedException.class);
        assertThat(passwordEncoder.matches("first-pass-1", users.credentials(id).orElseThrow().passwordHash())).isTrue();
    }

    @Test
    void the_last_enabled_administrator_can_be_neither_disabled_nor_demoted() {
        for (UserInfo other : users.list(Actor.api())) {
            if (other.role().equals(Roles.ADMIN) && other.enabled() && !other.id().equals("admin")) {
                users.setEnabled(Actor.api(), other.id(), false);
            }
        }
        assertThatThrownBy(() -> users.setEnabled(Actor.api(), "admin", false))
                .isInstanceOf(RefusedException.class).hasMessageContaining("at least one enabled administrator");
        assertThatThrownBy(() -> users.upsert(Actor.api(), java.util.List.of(
                new UserService.UserForm("admin", "Clinic Administrator", Roles.PATIENT, true, null))))
                .isInstanceOf(RefusedException.class);
        assertThat(users.find("admin").orElseThrow().role()).isEqualTo(Roles.ADMIN);
        assertThat(users.find("admin").orElseThrow().enabled()).isTrue();
    }

    @Test
    void a_user_remembers_their_own_language_and_may_forget_it() {
        users.choose(actor("clarice"), "de");
        assertThat(users.chosen(actor("clarice"))).contains("de");
        assertThat(users.language(actor("admin"), "clarice")).as("an administrator may look").contains("de");
        users.setLanguage(actor("clarice"), "clarice", null);
        assertThat(users.chosen(actor("clarice"))).isEmpty();
    }

    @Test
    void nobody_else_may_set_a_users_language_and_it_must_be_a_language_tag() {
        assertThatThrownBy(() -> users.setLanguage(actor("bill"), "clarice", "de")).isInstanceOf(RefusedException.class);
        assertThatThrownBy(() -> users.language(actor("bill"), "clarice")).isInstanceOf(RefusedException.class);
        assertThatThrownBy(() -> users.setLanguage(actor("clarice"), "clarice", "de; drop table"))
                .isInstanceOf(InvalidInputException.class);
        assertThat(users.chosen(actor("clarice"))).isEmpty();
    }
}
