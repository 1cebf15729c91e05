package org.careclock.base;

/** Input broke a validation rule; {@link #field()} names the field (wire name where one exists). */
public class InvalidInputException extends RuntimeException {

    private final String field;

    public InvalidInputException(String field, String message) {
        super(message);
        this.field = field;
    }

    public String field() {
        return field;
    }
}
