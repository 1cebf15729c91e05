package org.careclock.base;

import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;

import java.lang.annotation.Documented;
import java.lang.annotation.Retention;
import java.lang.annotation.Target;
import java.util.Collection;
import java.util.HashSet;
import java.util.Set;

import static java.lang.annotation.ElementType.ANNOTATION_TYPE;
import static java.lang.annotation.ElementType.FIELD;
import static java.lang.annotation.ElementType.METHOD;
import static java.lang.annotation.ElementType.PARAMETER;
import static java.lang.annotation.RetentionPolicy.RUNTIME;

/**
 * A list that holds no value twice. The message names the first repeated value where it says
 * {@code {duplicate}}: "Alerts list {duplicate} twice" reads "Alerts list 300 twice".
 */
@Documented
@Constraint(validatedBy = NoDuplicates.Check.class)
@Target({FIELD, METHOD, PARAMETER, ANNOTATION_TYPE})
@Retention(RUNTIME)
public @interface NoDuplicates {

    String message() default "The list holds {duplicate} twice";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};

    /** Checks a {@link NoDuplicates} collection. */
    class Check implements ConstraintValidator<NoDuplicates, Collection<?>> {

        private String message;

        @Override
        public void initialize(NoDuplicates annotation) {
            message = annotation.message();
        }

        @Override
        public boolean isValid(Collection<?> values, ConstraintValidatorContext context) {
            if (values == null) {
                return true;
            }
            Set<Object> seen = new HashSet<>();
            for (Object value : values) {
                if (value != null && !seen.add(value)) {
                    context.disableDefaultConstraintViolation();
                    context.buildConstraintViolationWithTemplate(message.replace("{duplicate}", literal(value)))
                            .addConstraintViolation();
                    return false;
                }
            }
            return true;
        }

        /** The value as message text, with the characters message templates interpret escaped. */
        private static String literal(Object value) {
            return String.valueOf(value).replaceAll("([\\\\{}$])", "\\\\$1");
        }
    }
}
