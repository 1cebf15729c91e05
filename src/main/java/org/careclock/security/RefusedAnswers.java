package org.careclock.security;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.careclock.api.ApiRejections;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.Base64;

/**
 * One answer for every request refused before a page or an endpoint saw it, whoever refused it
 * (the web server, the firewall of the filter chain, the sign-in guard, the error dispatch):
 * under /api the API's JSON error, elsewhere a friendly page. An unknown address, a page the
 * visitor may not open and a malformed address all get the same "Page not found" page (only the
 * status differs: 404, or 400 for a malformed address, 405 for a refused method), so nothing
 * tells them apart; 5xx gets "Something went wrong". The page has no script and one inline style
 * under its own nonce.
 */
final class RefusedAnswers {

    private static final SecureRandom RANDOM = new SecureRandom();

    private RefusedAnswers() {
    }

    /** Writes the answer for {@code status} to {@code rawUri}'s request, unless the response is committed. */
    static void write(String rawUri, int status, HttpServletResponse response) throws IOException {
        if (response.isCommitted()) {
            return;
        }
        response.resetBuffer();
        response.setStatus(status);
        byte[] body;
        if (ApiRejections.concerns(rawUri)) {
            PageHeaders.writeBareHeaders(response, PageHeaders.NOTHING_POLICY);
            response.setContentType("application/json");
            response.setCharacterEncoding(StandardCharsets.UTF_8.name());
            body = ApiRejections.body(status).getBytes(StandardCharsets.UTF_8);
        } else {
            String nonce = nonce();
            PageHeaders.writeBareHeaders(response, "default-src 'none'; style-src 'nonce-" + nonce + "'; "
                    + "img-src 'self'; frame-ancestors 'none'; base-uri 'none'; form-action 'none'");
            response.setContentType("text/html;charset=UTF-8");
            body = page(status, nonce).getBytes(StandardCharsets.UTF_8);
        }
        response.setContentLength(body.length);
        OutputStream out;
        try {
            out = response.getOutputStream();
        } catch (IllegalStateException writerInUse) {
            response.getWriter().write(new String(body, StandardCharsets.UTF_8));
            response.flushBuffer();
            return;
        }
        out.write(body);
        out.flush();
    }

    static void write(HttpServletRequest request, int status, HttpServletResponse response) throws IOException {
        write(request.getRequestURI(), status, response);
    }

    /** The friendly page for {@code status}. */
    static String page(int status, String nonce) {
        boolean broken = status >= 500;
        String title = broken ? "Something went wrong" : "Page not found";
        String text = broken
                ? "CareClock could not answer this request. Please try again; if it happens again, tell your clinic's "
                + "administrator."
                : "There is no page at this address. Check the address, or go to your appointments.";
        return """
                <!DOCTYPE html>
                <html lang="en">
                <head>
                <meta charset="UTF-8">
                <meta name="viewport" content="width=device-width, initial-scale=1">
                <title>%s · CareClock</title>
                <link rel="icon" href="/icons/favicon.svg">
                <style nonce="%s">
                  body { font-family: system-ui, -apple-system, "Segoe UI", Roboto, sans-serif; margin: 0;
                         color: hsl(214, 40%%, 16%%); background: hsl(214, 35%%, 97%%); }
                  main { max-width: 36rem; margin: 15vh auto 0; padding: 2rem; }
                  .brand { font-weight: 700; font-size: 1.5rem; color: hsl(192, 70%%, 30%%); margin: 0 0 1.5rem; }
                  h1 { font-size: 1.75rem; margin: 0 0 .75rem; }
                  a { color: hsl(192, 70%%, 30%%); }
                </style>
                </head>
                <body>
                <main id="%s">
                <p class="brand">CareClock</p>
                <h1>%s</h1>
                <p>%s</p>
                <p><a href="/">Go to my appointments</a></p>
                </main>
                </body>
                </html>
                """.formatted(title, nonce, broken ? "server-error" : "not-found", title, text);
    }

    private static String nonce() {
        byte[] bytes = new byte[18];
        RANDOM.nextBytes(bytes);
        return Base64.getEncoder().encodeToString(bytes);
    }
}
