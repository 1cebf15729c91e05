package org.careclock.base;

/** The caller's role may not do this, or the object's state forbids it. The message is for people. */
public class RefusedException extends RuntimeException {

    public RefusedException(String message) {
        super(message);
    }
}
