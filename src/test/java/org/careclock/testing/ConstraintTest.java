package org.careclock.testing;

import jakarta.validation.Validation;
import jakarta.validation.Validator;
import jakarta.validation.ValidatorFactory;
import org.careclock.base.InputValidator;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

import java.util.List;

/**
 * Base of plain tests of an input record's Bean Validation constraints, without Spring: one
 * validator for the class, and the broken rules as "wire_name: message" in the order the
 * services report them.
 */
public abstract class ConstraintTest {

    protected static ValidatorFactory factory;
    protected static Validator validator;

    @BeforeAll
    static void startValidator() {
        factory = Validation.buildDefaultValidatorFactory();
        validator = factory.getValidator();
    }

    @AfterAll
    static void closeValidator() {
        factory.close();
    }

    protected static <T> List<String> broken(T input) {
        return InputValidator.ordered(validator.validate(input)).stream()
                .map(v -> InputValidator.wireName(InputValidator.component(v)) + ": " + v.getMessage()).toList();
    }
}
