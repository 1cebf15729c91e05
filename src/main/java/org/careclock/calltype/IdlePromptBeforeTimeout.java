package org.careclock.calltype;

import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;

import java.lang.annotation.Documented;
import java.lang.annotation.Retention;
import java.lang.annotation.Target;

import static java.lang.annotation.ElementType.TYPE;
import static java.lang.annotation.RetentionPolicy.RUNTIME;

/**
 * With the idle question on (an idle timeout above 0), the prompt waits at least a second and
 * less than the idle timeout, so a participant alone is asked before the call ends. Reported at
 * {@code idlePromptSeconds}, with the idle timeout in the message.
 */
@Documented
@Constraint(validatedBy = IdlePromptBeforeTimeout.Check.class)
@Target(TYPE)
@Retention(RUNTIME)
public @interface IdlePromptBeforeTimeout {

    String message() default "Idle prompt must be at least 1 second and less than the idle timeout";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};

    /** Checks the idle prompt of a {@link CallTypeSettings} against its idle timeout. */
    class Check implements ConstraintValidator<IdlePromptBeforeTimeout, CallTypeSettings> {

        @Override
        public boolean isValid(CallTypeSettings settings, ConstraintValidatorContext context) {
            if (settings == null || settings.idleTimeoutSeconds() <= 0) {
                return true;
            }
            int prompt = settings.idlePromptSeconds();
            if (prompt >= 1 && prompt < settings.idleTimeoutSeconds()) {
                return true;
            }
            context.disableDefaultConstraintViolation();
            context.buildConstraintViolationWithTemplate(context.getDefaultConstraintMessageTemplate()
                            + " (" + settings.idleTimeoutSeconds() + " seconds)")
                    .addPropertyNode("idlePromptSeconds").addConstraintViolation();
            return false;
        }
    }
}
