package org.careclock.api;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.textfield.PasswordField;
import com.vaadin.flow.component.textfield.TextField;
import jakarta.validation.Validation;
import jakarta.validation.Validator;
import org.careclock.base.Actor;
import org.careclock.base.CleanText;
import org.careclock.base.InvalidInputException;
import org.careclock.call.CallService;
import org.careclock.call.NewCall;
import org.careclock.testing.KaribuTest;
import org.careclock.user.RoleService;
import org.careclock.user.UserService;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;
import org.springframework.web.context.WebApplicationContext;
import tools.jackson.databind.json.JsonMapper;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static com.github.mvysny.kaributesting.v10.LocatorJ._click;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static com.github.mvysny.kaributesting.v10.LocatorJ._setValue;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.security.test.web.servlet.setup.SecurityMockMvcConfigurers.springSecurity;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The one text rule ({@link CleanText}) over a corpus of bad names, everywhere free text enters:
 * the rule itself, the services (display names, role descriptions, appointment titles), the
 * editors as the admin types, and the API's users endpoint. Good names of every script pass.
 */
class TextRuleTest extends KaribuTest {

    /** Every character outside ASCII as a {@code \\uXXXX} escape, so a lone surrogate travels as itself. */
    private static final JsonMapper JSON = JsonMapper.builder()
            .enable(tools.jackson.core.json.JsonWriteFeature.ESCAPE_NON_ASCII).build();

    /** Each bad name with the character the refusal names. */
    static Stream<org.junit.jupiter.params.provider.Arguments> badNames() {
        return Stream.of(
                bad("NUL \u0000 inside", "U+0000"),
                bad("Bell\u0007", "U+0007"),
                bad("\u001b[31mRed\u001b[0m", "U+001B"),
                bad("Two\nlines", "U+000A"),
                bad("Carriage\rreturn", "U+000D"),
                bad("Tab\there", "U+0009"),
                bad("Delete\u007f", "U+007F"),
                bad("Next line\u0085", "U+0085"),
                bad("C1 CSI\u009b", "U+009B"),
                bad("Lone high \ud800 surrogate", "U+D800"),
                bad("Lone low \udc00 surrogate", "U+DC00"),
                bad("Reversed \udc00\ud800 pair", "U+DC00"),
                bad("High at the end \ud83d", "U+D83D"),
                bad("Bill\u202egnp.exe", "U+202E"),
                bad("Left embed \u202a", "U+202A"),
                bad("Right embed \u202b", "U+202B"),
                bad("Pop \u202c", "U+202C"),
                bad("Left override \u202d", "U+202D"),
                bad("Isolate \u2066x\u2069", "U+2066"),
                bad("Right isolate \u2067", "U+2067"),
                bad("First strong \u2068", "U+2068"),
                bad("Pop isolate \u2069", "U+2069"),
                bad("Line\u2028separator", "U+2028"),
                bad("Paragraph\u2029separator", "U+2029"));
    }

    static final List<String> GOOD = List.of("Dr. Hannibal Lecter", "Zoë Ångström-Ørsted", "李小龍", "Ελένη",
            "עִבְרִית", "محمد", "Smiling 😀 patient", "Mark\u200fed", "O'Brien (née Smith)");

    private static org.junit.jupiter.params.provider.Arguments bad(String text, String character) {
        return org.junit.jupiter.params.provider.Arguments.of(text, character);
    }

    @Autowired
    private RoleService roles;
    @Autowired
    private CallService calls;
    @Autowired
    private WebApplicationContext context;

    private MockMvc mvc;

    @BeforeEach
    void setUpMvc() {
        mvc = MockMvcBuilders.webAppContextSetup(context).apply(springSecurity()).build();
    }

    @ParameterizedTest
    @MethodSource("badNames")
    void the_rule_refuses_the_name_and_says_which_character(String name, String character) {
        Validator validator = Validation.buildDefaultValidatorFactory().getValidator();
        var broken = validator.validateValue(UserService.UserForm.class, "name", name);
        assertThat(broken).hasSize(1);
        assertThat(broken.iterator().next().getMessage()).startsWith("Display name may not hold").contains(character);
    }

    @Test
    void names_of_every_script_pass() {
        Validator validator = Validation.buildDefaultValidatorFactory().getValidator();
        for (String good : GOOD) {
            assertThat(validator.validateValue(UserService.UserForm.class, "name", good)).as(good).isEmpty();
            assertThat(validator.validateValue(NewCall.class, "title", good)).as(good).isEmpty();
        }
    }

    @ParameterizedTest
    @MethodSource("badNames")
    void the_services_refuse_the_name_as_a_display_name_a_description_and_a_title(String name, String character) {
        Actor admin = actor("admin");
        String id = freshId("text");
        assertThatThrownBy(() -> users.create(admin, new UserService.UserForm(id, name, "patient", true, "good-pass-12")))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> {
                    assertThat(e.field()).isEqualTo("name");
                    assertThat(e.getMessage()).contains(character);
                });
        assertThat(users.exists(id)).isFalse();
        assertThatThrownBy(() -> users.update(admin, new UserService.UserForm("bill", name, "patient", true, null)))
                .isInstanceOf(InvalidInputException.class);
        assertThat(users.find("bill").orElseThrow().displayName()).isEqualTo("Buffalo Bill");
        assertThatThrownBy(() -> roles.add(admin, "r-" + Long.toString(System.nanoTime(), 36), name))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.field()).isEqualTo("description"));
        assertThatThrownBy(() -> calls.create(admin, new NewCall("appointment", id, name, List.of("bill"), "dr-lecter",
                Instant.now(), null)))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.field()).isEqualTo("title"));
    }

    @ParameterizedTest
    @MethodSource("badNames")
    void the_api_refuses_the_name_with_its_json_error(String name, String character) throws Exception {
        String id = freshId("api-text");
        String body = JSON.writeValueAsString(Map.of("users", Map.of(id, Map.of("id", id, "name", name, "role", "patient"))));
        mvc.perform(post("/api/v2/users").queryParam("api_key", ApiTestSupport.KEY)
                        .header("Authorization", ApiTestSupport.serverToken())
                        .contentType(MediaType.APPLICATION_JSON).content(body.getBytes(StandardCharsets.UTF_8)))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.code").value(ErrorCodes.INPUT))
                .andExpect(jsonPath("$.StatusCode").value(400))
                .andExpect(jsonPath("$.message", org.hamcrest.Matchers.containsString(character)));
        assertThat(users.exists(id)).isFalse();
    }

    @Test
    void the_user_editor_refuses_a_bad_name_as_the_admin_types_and_keeps_it() {
        login("admin");
        UI.getCurrent().navigate("admin/users");
        _click(_get(Button.class, spec -> spec.withId("new-user")));
        String id = freshId("editor");
        _setValue(_get(TextField.class, spec -> spec.withId("user-id")), id);
        TextField name = _get(TextField.class, spec -> spec.withId("user-name"));
        _setValue(name, "Bill\u202egnp.exe");
        _setValue(_get(PasswordField.class, spec -> spec.withId("user-password")), "good-pass-12");
        assertThat(name.isInvalid()).isTrue();
        assertThat(name.getErrorMessage()).contains("U+202E");
        _click(_get(Button.class, spec -> spec.withId("save-user")));
        assertThat(users.exists(id)).isFalse();
        assertThat(name.getValue()).isEqualTo("Bill\u202egnp.exe");
    }

    @Test
    void the_role_and_appointment_editors_refuse_a_bad_text_as_the_admin_types() {
        login("admin");
        UI.getCurrent().navigate("admin/roles");
        _click(_get(Button.class, spec -> spec.withId("new-role")));
        TextField description = _get(TextField.class, spec -> spec.withId("role-description"));
        _setValue(description, "Night\u0000shift");
        assertThat(description.isInvalid()).isTrue();
        assertThat(description.getErrorMessage()).contains("U+0000");

        UI.getCurrent().navigate("admin/appointments");
        _click(_get(Button.class, spec -> spec.withId("new-appointment")));
        TextField title = _get(TextField.class, spec -> spec.withId("appointment-title"));
        _setValue(title, "Follow-up\nconsultation");
        assertThat(title.isInvalid()).isTrue();
        assertThat(title.getErrorMessage()).contains("U+000A");
    }
}
