package org.careclock.base;

import java.util.regex.Pattern;

/** Small checks shared by the services; each failure names the field it concerns. */
public final class Validation {

    private Validation() {
    }

    public static String requireMatch(String field, String value, Pattern pattern, String rule) {
        if (value == null || !pattern.matcher(value).matches()) {
            throw new InvalidInputException(field, field + " " + rule);
        }
        return value;
    }

    public static int requireRange(String field, Integer value, int min, int max) {
        if (value == null) {
            throw new InvalidInputException(field, field + " is required");
        }
        if (value < min || value > max) {
            throw new InvalidInputException(field, field + " must be between " + min + " and " + max + ", was " + value);
        }
        return value;
    }

    public static String requireText(String field, String value, int maxLength) {
        if (value == null || value.isBlank()) {
            throw new InvalidInputException(field, field + " is required");
        }
        String trimmed = value.strip();
        if (trimmed.length() > maxLength) {
            throw new InvalidInputException(field, field + " may have at most " + maxLength + " characters");
        }
        return trimmed;
    }
}
