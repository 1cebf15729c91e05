package org.careclock.calltype;

import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;

import java.lang.annotation.Documented;
import java.lang.annotation.Retention;
import java.lang.annotation.Target;

import static java.lang.annotation.ElementType.TYPE_USE;
import static java.lang.annotation.RetentionPolicy.RUNTIME;

/**
 * A capability a call type may grant: not a derived one, which a role holds when it holds what
 * the capability follows from ({@link Capability#derived()}).
 */
@Documented
@Constraint(validatedBy = Grantable.Check.class)
@Target(TYPE_USE)
@Retention(RUNTIME)
public @interface Grantable {

    String message() default "A derived capability cannot be granted";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};

    /** Checks a {@link Grantable} capability, naming it and what it follows from when refused. */
    class Check implements ConstraintValidator<Grantable, Capability> {

        @Override
        public boolean isValid(Capability capability, ConstraintValidatorContext context) {
            if (capability == null || !capability.derived()) {
                return true;
            }
            context.disableDefaultConstraintViolation();
            context.buildConstraintViolationWithTemplate(capability.wireName() + " cannot be granted; it follows from "
                    + capability.derivedFrom()).addConstraintViolation();
            return false;
        }
    }
}
