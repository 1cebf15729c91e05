package org.careclock.base;

/**
 * A request CareClock refuses, with a message written for people. Exactly four kinds, so a
 * handler needs one branch for all of them (a page shows the message, the API maps the kind to
 * its status and error code): input that breaks a rule, something unknown (or not the caller's
 * to know), something the caller's role or the object's state forbids, and a clash with what is
 * stored.
 */
public abstract sealed class Refusal extends RuntimeException
        permits InvalidInputException, NotFoundException, RefusedException, ConflictException {

    protected Refusal(String message) {
        super(message);
    }

    /** The input field the refusal concerns (its wire name where one exists), or null. */
    public String field() {
        return null;
    }
}
