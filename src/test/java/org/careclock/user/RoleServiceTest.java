package org.careclock.user;

import org.careclock.base.ConflictException;
import org.careclock.base.InvalidInputException;
import org.careclock.base.NotFoundException;
import org.careclock.base.RefusedException;
import org.careclock.calltype.CallTypeService;
import org.careclock.calltype.CallTypeSettings;
import org.careclock.calltype.Capability;
import org.careclock.base.Actor;
import org.careclock.testing.SpringTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;

import java.util.EnumSet;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class RoleServiceTest extends SpringTest {

    @Autowired
    RoleService roles;
    @Autowired
    CallTypeService types;

    Actor admin() {
        return actor("admin");
    }

    @Test
    void the_three_built_in_roles_exist_from_the_start() {
        assertThat(roles.list()).filteredOn(RoleInfo::builtIn).extracting(RoleInfo::name)
                .containsExactlyInAnyOrder("admin", "specialist", "patient");
    }

    @Test
    void admin_creates_a_role_with_a_description() {
        String name = freshId("nurse");
        RoleInfo created = roles.create(admin(), name, "  Ward nurses  ");
        assertThat(created).isEqualTo(new RoleInfo(name, "Ward nurses", false));
        assertThat(roles.exists(name)).isTrue();
        assertThat(roles.names()).contains(name);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "Nurse", "1nurse", "-nurse", "nurse role", "nurse!", "ärztin"})
    void role_names_outside_the_pattern_are_refused(String name) {
        assertThatThrownBy(() -> roles.create(admin(), name, ""))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.field()).isEqualTo("name"));
        assertThat(roles.exists(name)).isFalse();
    }

    @Test
    void a_role_name_may_have_64_characters_but_not_65() {
        String longest = "r" + "x".repeat(63);
        assertThat(roles.create(admin(), longest, "").name()).isEqualTo(longest);
        assertThatThrownBy(() -> roles.create(admin(), "r" + "x".repeat(64), ""))
                .isInstanceOf(InvalidInputException.class);
    }

    @Test
    void a_null_role_name_is_refused() {
        assertThatThrownBy(() -> roles.create(admin(), null, ""))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.field()).isEqualTo("name"));
    }

    @Test
    void creating_an_existing_role_answers_it_unchanged() {
        String name = freshId("repeat");
        roles.create(admin(), name, "first");
        assertThat(roles.create(admin(), name, "second").description()).isEqualTo("first");
    }

    @Test
    void adding_a_taken_name_is_refused_at_the_name() {
        String name = freshId("taken");
        roles.add(admin(), name, "first");
        assertThatThrownBy(() -> roles.add(admin(), name, "second"))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> {
                    assertThat(e.field()).isEqualTo("name");
                    assertThat(e.getMessage()).contains("already exists");
                });
        assertThat(roles.list()).filteredOn(r -> r.name().equals(name)).extracting(RoleInfo::description)
                .containsExactly("first");
    }

    @Test
    void a_description_longer_than_200_characters_is_refused() {
        assertThatThrownBy(() -> roles.create(admin(), freshId("wordy"), "d".repeat(201)))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.field()).isEqualTo("description"));
        String name = freshId("described");
        roles.create(admin(), name, "");
        assertThatThrownBy(() -> roles.describe(admin(), name, "d".repeat(201)))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.field()).isEqualTo("description"));
        assertThat(roles.describe(admin(), name, "d".repeat(200)).description()).hasSize(200);
    }

    @Test
    void admin_changes_a_description() {
        String name = freshId("therapist");
        roles.create(admin(), name, "old");
        roles.describe(admin(), name, "Physiotherapists");
        assertThat(roles.list()).filteredOn(r -> r.name().equals(name)).extracting(RoleInfo::description)
                .containsExactly("Physiotherapists");
    }

    @Test
    void describing_an_unknown_role_is_not_found() {
        assertThatThrownBy(() -> roles.describe(admin(), freshId("ghost"), "x")).isInstanceOf(NotFoundException.class);
    }

    @Test
    void a_built_in_role_cannot_be_deleted() {
        assertThatThrownBy(() -> roles.delete(admin(), "patient"))
                .isInstanceOf(ConflictException.class).hasMessageContaining("built-in");
        assertThat(roles.exists("patient")).isTrue();
    }

    @Test
    void a_role_that_users_have_cannot_be_deleted() {
        String name = freshId("locum");
        roles.create(admin(), name, "");
        users.create(admin(), new UserService.UserForm(freshId("locum-user"), "Locum", name, true, null));
        assertThatThrownBy(() -> roles.delete(admin(), name))
                .isInstanceOf(ConflictException.class).hasMessageContaining("still has users");
        assertThat(roles.exists(name)).isTrue();
    }

    @Test
    void an_unused_added_role_is_deleted() {
        String name = freshId("temp");
        roles.create(admin(), name, "");
        roles.delete(admin(), name);
        assertThat(roles.exists(name)).isFalse();
    }

    @Test
    void deleting_a_role_removes_its_grants_from_call_types() {
        String name = freshId("visitor");
        roles.create(admin(), name, "");
        String type = freshId("open");
        types.create(admin(), CallTypeSettings.defaults(type, 600).withGrants(Map.of(
                name, EnumSet.of(Capability.JOIN_CALL), "patient", EnumSet.of(Capability.JOIN_CALL))));
        roles.delete(admin(), name);
        assertThat(types.get(type).grants()).containsOnlyKeys("patient");
    }

    @Test
    void deleting_an_unknown_role_is_not_found() {
        assertThatThrownBy(() -> roles.delete(admin(), freshId("ghost"))).isInstanceOf(NotFoundException.class);
    }

    // ------------------------------------------------------------------ one refusal per guarded operation

    @Test
    void patient_cannot_create_a_role() {
        String name = freshId("sneaky");
        assertThatThrownBy(() -> roles.create(actor("bill"), name, "")).isInstanceOf(RefusedException.class);
        assertThat(roles.exists(name)).isFalse();
    }

    @Test
    void specialist_cannot_add_a_role() {
        String name = freshId("sneaky");
        assertThatThrownBy(() -> roles.add(actor("dr-lecter"), name, "")).isInstanceOf(RefusedException.class);
        assertThat(roles.exists(name)).isFalse();
    }

    @Test
    void specialist_cannot_describe_a_role() {
        assertThatThrownBy(() -> roles.describe(actor("dr-lecter"), "patient", "hacked"))
                .isInstanceOf(RefusedException.class);
        assertThat(roles.list()).filteredOn(r -> r.name().equals("patient")).extracting(RoleInfo::description)
                .doesNotContain("hacked");
    }

    @Test
    void patient_cannot_delete_a_role() {
        String name = freshId("kept");
        roles.create(admin(), name, "");
        assertThatThrownBy(() -> roles.delete(actor("bill"), name)).isInstanceOf(RefusedException.class);
        assertThat(roles.exists(name)).isTrue();
    }

    @Test
    void no_actor_is_refused_like_a_non_admin() {
        assertThatThrownBy(() -> roles.create(null, freshId("anon"), "")).isInstanceOf(RefusedException.class);
    }
}
