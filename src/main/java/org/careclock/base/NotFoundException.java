package org.careclock.base;

/** The thing asked for does not exist, or the caller may not know that it exists. */
public final class NotFoundException extends Refusal {

    public NotFoundException(String message) {
        super(message);
    }
}
