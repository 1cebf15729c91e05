package org.careclock.base;

/** The request clashes with what is stored (a name taken, a type still in use). */
public class ConflictException extends RuntimeException {

    public ConflictException(String message) {
        super(message);
    }
}
