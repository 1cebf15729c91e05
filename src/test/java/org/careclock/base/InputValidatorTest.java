package org.careclock.base;

import jakarta.validation.Validation;
import jakarta.validation.ValidatorFactory;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.NotBlank;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** How a broken constraint becomes a refusal that names the field as the pages and the API do. */
class InputValidatorTest {

    record Sample(@NotBlank(message = "Label is required") String label,
                  @Max(value = 10, message = "At most 10 seconds") int maxDurationSeconds,
                  @NoDuplicates(message = "Steps list {duplicate} twice") List<Integer> extensionStepsSeconds) {
    }

    static ValidatorFactory factory;
    static InputValidator inputs;

    @BeforeAll
    static void startValidator() {
        factory = Validation.buildDefaultValidatorFactory();
        inputs = new InputValidator(factory.getValidator());
    }

    @AfterAll
    static void closeValidator() {
        factory.close();
    }

    @Test
    void wire_names_are_the_components_in_snake_case() {
        assertThat(InputValidator.wireName("maxDurationSeconds")).isEqualTo("max_duration_seconds");
        assertThat(InputValidator.wireName("name")).isEqualTo("name");
        assertThat(InputValidator.wireName("idlePromptSeconds")).isEqualTo("idle_prompt_seconds");
    }

    @Test
    void valid_input_is_answered_as_it_is() {
        Sample sample = new Sample("tea", 10, List.of(1, 2));
        assertThat(inputs.check(sample)).isSameAs(sample);
    }

    @Test
    void the_first_broken_field_in_record_order_is_refused_by_its_wire_name() {
        assertThatThrownBy(() -> inputs.check(new Sample("tea", 11, List.of(5, 5))))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> {
                    assertThat(e.field()).isEqualTo("max_duration_seconds");
                    assertThat(e.getMessage()).isEqualTo("At most 10 seconds");
                });
        assertThatThrownBy(() -> inputs.check(new Sample(" ", 11, List.of(5, 5))))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.field()).isEqualTo("label"));
        assertThatThrownBy(() -> inputs.check(new Sample("tea", 1, List.of(5, 5))))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> {
                    assertThat(e.field()).isEqualTo("extension_steps_seconds");
                    assertThat(e.getMessage()).isEqualTo("Steps list 5 twice");
                });
    }

    @Test
    void one_value_is_checked_against_its_components_constraints() {
        inputs.checkValue(Sample.class, "maxDurationSeconds", 10);
        assertThatThrownBy(() -> inputs.checkValue(Sample.class, "maxDurationSeconds", 11))
                .isInstanceOfSatisfying(InvalidInputException.class,
                        e -> assertThat(e.field()).isEqualTo("max_duration_seconds"));
    }
}
