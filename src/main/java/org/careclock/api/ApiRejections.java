package org.careclock.api;

import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import tools.jackson.databind.json.JsonMapper;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

/**
 * The API's answer to a request refused before any endpoint saw it: an address the server will
 * not take apart (an encoded slash, a NUL, a step above the root), a method nobody serves
 * ({@code TRACE}), an address with no endpoint. Whatever refused it, a client of the API gets
 * the wire's error body {@code {"code":N,"message":"…","StatusCode":H}}, never another format,
 * and no message names the server's parts.
 */
public final class ApiRejections {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private ApiRejections() {
    }

    /**
     * Whether {@code rawUri} (the request line's path, still encoded) is under /api: {@code /api},
     * {@code /api/…}, and the malformed spellings a refused request may use ({@code /api;x},
     * {@code /api%2F…}).
     */
    public static boolean concerns(String rawUri) {
        if (rawUri == null) {
            return false;
        }
        String uri = rawUri.toLowerCase(Locale.ROOT);
        if (!uri.startsWith("/api")) {
            return false;
        }
        if (uri.length() == 4) {
            return true;
        }
        char next = uri.charAt(4);
        return next == '/' || next == ';' || next == '%' || next == '?' || next == '\\';
    }

    /** The error body for an answer with {@code status}, as JSON text. */
    public static String body(int status) {
        return JSON.writeValueAsString(new Wire.ErrorBody(code(status), message(status), status));
    }

    /** Answers {@code response} with the error body {@code code}, {@code message} and {@code status}. */
    static void write(HttpServletResponse response, HttpStatus status, int code, String message) throws IOException {
        byte[] body = JSON.writeValueAsBytes(new Wire.ErrorBody(code, message, status.value()));
        response.setStatus(status.value());
        response.setContentType(MediaType.APPLICATION_JSON_VALUE);
        response.setCharacterEncoding(StandardCharsets.UTF_8.name());
        response.setContentLength(body.length);
        response.getOutputStream().write(body);
        response.flushBuffer();
    }

    static int code(int status) {
        return switch (status) {
            case 404 -> ErrorCodes.NOT_FOUND;
            case 403 -> ErrorCodes.NOT_ALLOWED;
            case 401 -> ErrorCodes.AUTHENTICATION;
            default -> status >= 500 ? ErrorCodes.INTERNAL : ErrorCodes.INPUT;
        };
    }

    static String message(int status) {
        return switch (status) {
            case 400 -> "The request's address or form is malformed; CareClock's API takes plain addresses under "
                    + "/api/v2 (see docs/api.md)";
            case 404 -> "CareClock's API has no endpoint at this address; see docs/api.md for the endpoints it offers";
            case 405 -> "CareClock's API does not answer this method at this address; see docs/api.md";
            case 401, 403 -> "This request is not allowed";
            case 413 -> "The request is too large";
            default -> status >= 500 ? "Something went wrong inside CareClock; the server log has the details."
                    : "CareClock's API could not take this request";
        };
    }
}
