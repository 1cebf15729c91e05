package org.careclock.base.ui;

import com.github.mvysny.kaributesting.v10.MockVaadin;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.textfield.IntegerField;
import com.vaadin.flow.component.textfield.TextField;
import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import org.careclock.base.ConflictException;
import org.careclock.base.InvalidInputException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.util.concurrent.atomic.AtomicInteger;

import static com.github.mvysny.kaributesting.v10.LocatorJ._setValue;
import static java.lang.annotation.ElementType.TYPE;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The order of an editor's checks, without Spring: a field's constraint as the user types, the
 * record's rules across fields when saving, and only then the action (a service), whose
 * refusal lands under the field it names.
 */
class RecordFormTest {

    /** A sample input record: a label, and a warning that must come before the end. */
    @WarningBeforeEnd
    record Reminder(@NotBlank(message = "Label is required") String label,
                    @Min(value = 1, message = "End must be at least 1 second") int endSeconds,
                    int warningSeconds) {
    }

    @Retention(RetentionPolicy.RUNTIME)
    @Target(TYPE)
    @Constraint(validatedBy = WarningBeforeEnd.Check.class)
    @interface WarningBeforeEnd {
        String message() default "The warning must come before the end";

        Class<?>[] groups() default {};

        Class<? extends Payload>[] payload() default {};

        class Check implements ConstraintValidator<WarningBeforeEnd, Reminder> {
            @Override
            public boolean isValid(Reminder r, ConstraintValidatorContext context) {
                if (r.warningSeconds() < r.endSeconds()) {
                    return true;
                }
                context.disableDefaultConstraintViolation();
                context.buildConstraintViolationWithTemplate(context.getDefaultConstraintMessageTemplate())
                        .addPropertyNode("warningSeconds").addConstraintViolation();
                return false;
            }
        }
    }

    final TextField label = new TextField("Label");
    final IntegerField end = new IntegerField("End");
    final IntegerField warning = new IntegerField("Warning");
    final RecordForm<Reminder> form = new RecordForm<>(Reminder.class, "reminder-error");
    final AtomicInteger actions = new AtomicInteger();

    @BeforeEach
    void setUp() {
        MockVaadin.setup();
        form.forField(label).bind("label");
        form.forField(end).asRequired("End needs a number").bind("endSeconds");
        form.forField(warning).asRequired("Warning needs a number").bind("warningSeconds");
        UI.getCurrent().add(form.message(), label, end, warning);
        _setValue(label, "Tea");
        _setValue(end, 300);
        _setValue(warning, 60);
    }

    @AfterEach
    void tearDown() {
        MockVaadin.tearDown();
    }

    Reminder typed() {
        return new Reminder(label.getValue(), end.getValue(), warning.getValue());
    }

    String save() {
        return form.submit(this::typed, r -> {
            actions.incrementAndGet();
            return "saved " + r.label();
        });
    }

    @Test
    void a_field_shows_its_constraint_as_the_user_types() {
        _setValue(end, 0);
        assertThat(end.isInvalid()).isTrue();
        assertThat(end.getErrorMessage()).isEqualTo("End must be at least 1 second");
        _setValue(end, 10);
        assertThat(end.isInvalid()).isFalse();
        assertThat(actions).hasValue(0);
    }

    @Test
    void a_broken_field_stops_the_save_before_the_action() {
        _setValue(label, " ");
        assertThat(save()).isNull();
        assertThat(actions).hasValue(0);
        assertThat(label.isInvalid()).isTrue();
        assertThat(label.getErrorMessage()).isEqualTo("Label is required");
        assertThat(label.getValue()).isEqualTo(" ");
    }

    @Test
    void a_rule_across_fields_is_shown_under_the_field_it_names_and_stops_the_save() {
        _setValue(warning, 300);
        assertThat(warning.isInvalid()).as("not a rule of the field alone").isFalse();
        assertThat(save()).isNull();
        assertThat(actions).hasValue(0);
        assertThat(warning.isInvalid()).isTrue();
        assertThat(warning.getErrorMessage()).isEqualTo("The warning must come before the end");
    }

    @Test
    void a_valid_form_reaches_the_action() {
        assertThat(save()).isEqualTo("saved Tea");
        assertThat(actions).hasValue(1);
    }

    @Test
    void a_service_refusal_lands_under_the_field_its_wire_name_names_or_in_the_message_line() {
        assertThat(form.<String>submit(this::typed, r -> {
            throw new InvalidInputException("warning_seconds", "Too early for tea");
        })).isNull();
        assertThat(warning.isInvalid()).isTrue();
        assertThat(warning.getErrorMessage()).isEqualTo("Too early for tea");

        assertThat(form.<String>submit(this::typed, r -> {
            throw new ConflictException("Tea already exists");
        })).isNull();
        assertThat(warning.isInvalid()).as("cleared by the next attempt").isFalse();
        Div message = form.message();
        assertThat(message.isVisible()).isTrue();
        assertThat(message.getText()).isEqualTo("Tea already exists");
    }
}
