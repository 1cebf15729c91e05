package org.careclock.base;

import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;

import java.lang.annotation.Documented;
import java.lang.annotation.Retention;
import java.lang.annotation.Target;
import java.util.Locale;

import static java.lang.annotation.ElementType.ANNOTATION_TYPE;
import static java.lang.annotation.ElementType.FIELD;
import static java.lang.annotation.ElementType.METHOD;
import static java.lang.annotation.ElementType.PARAMETER;
import static java.lang.annotation.RetentionPolicy.RUNTIME;

/**
 * The one rule for names and other free text, in the pages and the API: one line of visible
 * text. It refuses
 * <ul>
 * <li>control characters: C0 (U+0000–U+001F, so also tab and line feed), DEL (U+007F) and C1
 *     (U+0080–U+009F);
 * <li>the line and paragraph separators U+2028 and U+2029 (line breaks by another name);
 * <li>unpaired surrogates (half a character: no font shows it, and databases and JSON
 *     encoders disagree about it);
 * <li>bidirectional embeddings, overrides and isolates (U+202A–U+202E, U+2066–U+2069), which
 *     make text display in another order than it is stored ("Trojan source").
 * </ul>
 * Letters of every script, emoji and the plain direction marks U+200E/U+200F are welcome. A
 * null is valid (pair with {@code @NotNull} where a value is required); lengths stay with
 * {@code @Size}. The message names the first refused character where it says
 * {@code {character}}: "U+202E".
 */
@Documented
@Constraint(validatedBy = CleanText.Check.class)
@Target({FIELD, METHOD, PARAMETER, ANNOTATION_TYPE})
@Retention(RUNTIME)
public @interface CleanText {

    /** What a field's message says after the field's name: "Display name " + RULE. */
    String RULE = "may not hold control characters, line breaks or hidden changes of writing direction "
            + "(found {character})";

    String message() default "Text " + RULE;

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};

    /** Checks a {@link CleanText} value. */
    class Check implements ConstraintValidator<CleanText, CharSequence> {

        private String message;

        @Override
        public void initialize(CleanText annotation) {
            message = annotation.message();
        }

        @Override
        public boolean isValid(CharSequence value, ConstraintValidatorContext context) {
            int at = firstRefused(value);
            if (at < 0) {
                return true;
            }
            context.disableDefaultConstraintViolation();
            context.buildConstraintViolationWithTemplate(message.replace("{character}", describe(value.charAt(at))))
                    .addConstraintViolation();
            return false;
        }

        /** The index of the first character the rule refuses in {@code text}, or -1 (also for null). */
        public static int firstRefused(CharSequence text) {
            if (text == null) {
                return -1;
            }
            for (int i = 0; i < text.length(); i++) {
                char c = text.charAt(i);
                if (Character.isHighSurrogate(c)) {
                    if (i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1))) {
                        i++;
                        continue;
                    }
                    return i;
                }
                if (Character.isLowSurrogate(c) || refused(c)) {
                    return i;
                }
            }
            return -1;
        }

        /** Whether the rule refuses {@code c} wherever it stands (surrogates are judged in pairs instead). */
        static boolean refused(char c) {
            return c <= 0x1F || (c >= 0x7F && c <= 0x9F)
                    || c == 0x2028 || c == 0x2029
                    || (c >= 0x202A && c <= 0x202E)
                    || (c >= 0x2066 && c <= 0x2069);
        }

        /** {@code U+202E}: how a message names a refused character (never the character itself, which would act). */
        static String describe(char c) {
            return String.format(Locale.ROOT, "U+%04X", (int) c);
        }
    }
}
