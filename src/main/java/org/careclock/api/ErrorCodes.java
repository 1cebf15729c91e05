package org.careclock.api;

/**
 * The {@code code} of the API's error bodies; the same numbers as the server-side video API whose
 * subset CareClock speaks, so a client's error handling carries over. The HTTP status travels
 * beside it as {@code StatusCode}.
 */
final class ErrorCodes {

    /** Something went wrong inside CareClock (500). */
    static final int INTERNAL = -1;
    /** The api_key is missing or is not this server's (401). */
    static final int ACCESS_KEY = 2;
    /** Bad input: a field is missing, malformed or out of range; malformed JSON (400); a body too large (413); a clash with stored data (409). */
    static final int INPUT = 4;
    /** No usable token (401). */
    static final int AUTHENTICATION = 5;
    /** The thing asked for does not exist (404). */
    static final int NOT_FOUND = 16;
    /** The call's state or the caller's rights forbid it (403). */
    static final int NOT_ALLOWED = 17;
    /** The token's exp has passed (401). */
    static final int TOKEN_EXPIRED = 40;
    /** The token's nbf lies in the future (401). */
    static final int TOKEN_NOT_YET_VALID = 41;
    /** The token's signature does not match the API secret (401). */
    static final int TOKEN_SIGNATURE = 43;

    private ErrorCodes() {
    }
}
