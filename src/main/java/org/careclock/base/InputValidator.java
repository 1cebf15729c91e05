package org.careclock.base;

import jakarta.validation.ConstraintViolation;
import jakarta.validation.Path;
import jakarta.validation.Validator;
import org.springframework.stereotype.Component;

import java.lang.reflect.RecordComponent;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Checks an input record against its Bean Validation constraints and refuses the first one it
 * breaks as an {@link InvalidInputException} that names the field by its wire name (the record
 * component {@code maxDurationSeconds} is the field {@code max_duration_seconds}), so pages and
 * the API name fields as they always have. "First" is the order of the record's components.
 */
@Component
public class InputValidator {

    private final Validator validator;

    InputValidator(Validator validator) {
        this.validator = validator;
    }

    /** Answers {@code input} when it keeps every constraint on its record; refuses the first it breaks. */
    public <T> T check(T input) {
        List<ConstraintViolation<T>> broken = ordered(validator.validate(input));
        if (!broken.isEmpty()) {
            throw refusal(broken.getFirst());
        }
        return input;
    }

    /** Refuses {@code value} when it breaks a constraint of the component {@code component} of {@code type}. */
    public <T> void checkValue(Class<T> type, String component, Object value) {
        List<ConstraintViolation<T>> broken = ordered(validator.validateValue(type, component, value));
        if (!broken.isEmpty()) {
            throw refusal(broken.getFirst());
        }
    }

    /** The wire name of a record component: {@code maxDurationSeconds} is {@code max_duration_seconds}. */
    public static String wireName(String component) {
        return component.replaceAll("([a-z0-9])([A-Z])", "$1_$2").toLowerCase(Locale.ROOT);
    }

    /** The record component a violation concerns (for a list, the list), or null when it concerns the whole record. */
    public static String component(ConstraintViolation<?> violation) {
        for (Path.Node node : violation.getPropertyPath()) {
            if (node.getName() != null) {
                return node.getName();
            }
        }
        return null;
    }

    /** The violations in the order of the record's components, whole-record ones last; ties by message. */
    public static <T> List<ConstraintViolation<T>> ordered(Set<ConstraintViolation<T>> violations) {
        return violations.stream().sorted(Comparator
                        .comparingInt((ConstraintViolation<T> v) -> position(v.getRootBeanClass(), component(v)))
                        .thenComparing(ConstraintViolation::getMessage))
                .toList();
    }

    private static int position(Class<?> type, String component) {
        RecordComponent[] components = type.getRecordComponents();
        if (component == null || components == null) {
            return Integer.MAX_VALUE;
        }
        List<String> names = Arrays.stream(components).map(RecordComponent::getName).toList();
        int index = names.indexOf(component);
        return index < 0 ? Integer.MAX_VALUE - 1 : index;
    }

    private static InvalidInputException refusal(ConstraintViolation<?> violation) {
        String component = component(violation);
        return new InvalidInputException(component == null ? null : wireName(component), violation.getMessage());
    }
}
