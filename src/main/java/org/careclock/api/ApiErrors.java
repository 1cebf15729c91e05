package org.careclock.api;

import org.careclock.base.ConflictException;
import org.careclock.base.InvalidInputException;
import org.careclock.base.NotFoundException;
import org.careclock.base.Refusal;
import org.careclock.base.RefusedException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.dao.PessimisticLockingFailureException;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.ErrorResponse;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/**
 * Turns every refusal of an API request into the wire's error body
 * {@code {"code":N,"message":"…","StatusCode":H}} with the same non-2xx status. Input errors
 * name the field by its path on the wire, including a body that could not be bound to its request
 * record or breaks one of its constraints ({@link RequestBodies}); nothing internal (no stack
 * trace, no SQL, no name of a library or class) reaches the client.
 */
@RestControllerAdvice(basePackageClasses = ApiErrors.class)
class ApiErrors {

    private static final Logger log = LoggerFactory.getLogger(ApiErrors.class);

    @ExceptionHandler(ApiException.class)
    ResponseEntity<Wire.ErrorBody> api(ApiException e) {
        return error(e.status(), e.code(), e.getMessage());
    }

    /** Every refusal of a service, by its kind. */
    @ExceptionHandler(Refusal.class)
    ResponseEntity<Wire.ErrorBody> refusal(Refusal refusal) {
        return switch (refusal) {
            case InvalidInputException e -> error(HttpStatus.BAD_REQUEST, ErrorCodes.INPUT, namingField(e.field(), e.getMessage()));
            case NotFoundException e -> error(HttpStatus.NOT_FOUND, ErrorCodes.NOT_FOUND, e.getMessage());
            case RefusedException e -> error(HttpStatus.FORBIDDEN, ErrorCodes.NOT_ALLOWED, e.getMessage());
            case ConflictException e -> error(HttpStatus.CONFLICT, ErrorCodes.INPUT, e.getMessage());
        };
    }

    /** A body that could not be read as its request record: the field's path and what was wrong. */
    @ExceptionHandler(HttpMessageNotReadableException.class)
    ResponseEntity<Wire.ErrorBody> unreadable(HttpMessageNotReadableException e) {
        if (e.getCause() instanceof ApiException refusedByTheApi) {
            return api(refusedByTheApi);
        }
        InvalidInputException refused = e.getCause() instanceof InvalidInputException i ? i
                : new InvalidInputException("body", "The request body is not valid JSON");
        return refusal(refused);
    }

    /** A body that breaks a constraint of its request record. */
    @ExceptionHandler(MethodArgumentNotValidException.class)
    ResponseEntity<Wire.ErrorBody> invalid(MethodArgumentNotValidException e) {
        return refusal(RequestBodies.refusal(e));
    }

    @ExceptionHandler({DataIntegrityViolationException.class, OptimisticLockingFailureException.class,
            PessimisticLockingFailureException.class})
    ResponseEntity<Wire.ErrorBody> clash(RuntimeException e) {
        log.info("API request clashed with a concurrent change: {}", e.toString());
        return error(HttpStatus.CONFLICT, ErrorCodes.INPUT,
                "The request clashed with a change made at the same moment; nothing was written. Try again.");
    }

    @ExceptionHandler(Exception.class)
    ResponseEntity<Wire.ErrorBody> unexpected(Exception e) {
        if (e instanceof ErrorResponse web && web.getStatusCode().is4xxClientError()) {
            // Spring MVC's own refusals (a missing parameter, an unacceptable media type, ...).
            HttpStatus status = HttpStatus.valueOf(web.getStatusCode().value());
            String detail = web.getBody().getDetail();
            return error(status, ErrorCodes.INPUT, detail != null ? detail : status.getReasonPhrase());
        }
        log.error("API request failed", e);
        return error(HttpStatus.INTERNAL_SERVER_ERROR, ErrorCodes.INTERNAL,
                "Something went wrong inside CareClock; the server log has the details.");
    }

    static ResponseEntity<Wire.ErrorBody> error(HttpStatus status, int code, String message) {
        return ResponseEntity.status(status).contentType(MediaType.APPLICATION_JSON)
                .body(new Wire.ErrorBody(code, message, status.value()));
    }

    /** The message, led by the field's name unless it names the field already. */
    static String namingField(String field, String message) {
        if (field == null || field.isBlank() || message.contains(field)) {
            return message;
        }
        return field + ": " + message;
    }
}
