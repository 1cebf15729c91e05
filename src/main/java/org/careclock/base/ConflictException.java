package org.careclock.base;

/** The request clashes with what is stored (a name taken, a type still in use). */
public final class ConflictException extends Refusal {

    public ConflictException(String message) {
        super(message);
    }
}
