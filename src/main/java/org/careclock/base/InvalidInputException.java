package org.careclock.base;

/** Input broke a validation rule; {@link #field()} names the field (wire name where one exists). */
public final class InvalidInputException extends Refusal {

    private final String field;

    public InvalidInputException(String field, String message) {
        super(message);
        this.field = field;
    }

    @Override
    public String field() {
        return field;
    }
}
