package org.careclock.base;

/** The caller's role may not do this, or the object's state forbids it. */
public final class RefusedException extends Refusal {

    public RefusedException(String message) {
        super(message);
    }
}
