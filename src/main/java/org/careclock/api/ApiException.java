package org.careclock.api;

import org.springframework.http.HttpStatus;

/**
 * A refusal that only the API knows (authentication, an unknown endpoint), with the wire error
 * code and HTTP status it answers with. Refusals of the services travel as the base exceptions.
 */
class ApiException extends RuntimeException {

    private final int code;
    private final HttpStatus status;

    ApiException(int code, HttpStatus status, String message) {
        super(message);
        this.code = code;
        this.status = status;
    }

    int code() {
        return code;
    }

    HttpStatus status() {
        return status;
    }

    static ApiException unauthenticated(int code, String message) {
        return new ApiException(code, HttpStatus.UNAUTHORIZED, message);
    }
}
