package org.careclock.security;

import com.vaadin.flow.server.ServiceInitEvent;
import com.vaadin.flow.server.VaadinRequest;
import com.vaadin.flow.server.VaadinServiceInitListener;
import com.vaadin.flow.server.VaadinServletRequest;
import com.vaadin.flow.server.communication.IndexHtmlResponse;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.security.web.header.HeaderWriter;
import org.springframework.stereotype.Component;

import java.security.SecureRandom;
import java.util.Base64;

/**
 * The Content-Security-Policy of the pages, with a fresh nonce per answer, and
 * {@code Cache-Control: no-store} on everything but the static files.
 *
 * <p>The policy, directive by directive, and why each allowance is there:
 * <ul>
 * <li>{@code script-src 'self' 'nonce-…' 'unsafe-eval'}: the bundle's files come from this
 *     origin; the inline scripts Vaadin writes into the page (its bootstrap and the first
 *     server answer) carry the answer's nonce, which {@link #serviceInit} adds to every script
 *     of the page; no other inline script runs. {@code 'unsafe-eval'} stays because Vaadin's
 *     client engine turns the JavaScript the server sends ({@code executeJs}, {@code
 *     callJsFunction}, event data expressions) into functions with {@code new Function}; Vaadin
 *     cannot run without it.
 * <li>{@code style-src 'self' 'unsafe-inline'}: Vaadin's web components and its client engine
 *     set {@code style} attributes and add {@code <style>} elements while the page runs, which no
 *     nonce can cover (a nonce applies to elements written by the server, never to attributes).
 *     Styles cannot run code; a script injection is what the script rules stop.
 * <li>{@code img-src 'self' data: blob:} and {@code font-src 'self' data:}: Lumo's icons and a
 *     few component images are {@code data:} addresses; {@code media-src 'self' blob:} for the
 *     in-call page's camera and remote streams.
 * <li>{@code connect-src 'self'}: the server push (a WebSocket to this origin, which
 *     {@code 'self'} covers in CSP 3) and Vaadin's requests. WebRTC's media connections are not
 *     governed by CSP; the TURN server is reached by the browser's ICE agent.
 * <li>{@code object-src 'none'}, {@code base-uri 'self'}, {@code form-action 'self'} (the
 *     sign-in form posts here), {@code frame-ancestors 'none'} (no page may frame CareClock;
 *     {@code X-Frame-Options: DENY} says the same to older browsers), {@code frame-src 'none'}.
 * </ul>
 */
@Component
class PageHeaders implements VaadinServiceInitListener {

    /** The request attribute holding this answer's nonce. */
    static final String NONCE_ATTRIBUTE = PageHeaders.class.getName() + ".nonce";

    /** The policy of the pages; {@code {nonce}} is replaced by the answer's nonce. */
    static final String POLICY = "default-src 'self'; "
            + "script-src 'self' 'nonce-{nonce}' 'unsafe-eval'; "
            + "style-src 'self' 'unsafe-inline'; "
            + "img-src 'self' data: blob:; "
            + "font-src 'self' data:; "
            + "media-src 'self' blob:; "
            + "connect-src 'self'; "
            + "worker-src 'self'; "
            + "manifest-src 'self'; "
            + "object-src 'none'; "
            + "frame-src 'none'; "
            + "base-uri 'self'; "
            + "form-action 'self'; "
            + "frame-ancestors 'none'";

    /** The policy of answers that are not pages (the API, error bodies without styles or scripts). */
    static final String NOTHING_POLICY = "default-src 'none'; frame-ancestors 'none'; base-uri 'none'; form-action 'none'";

    /** Camera and microphone for this origin only (the in-call page); nothing else a clinic's pages need. */
    static final String PERMISSIONS_POLICY = "camera=(self), microphone=(self), display-capture=(), geolocation=(), "
            + "payment=(), usb=()";

    private static final SecureRandom RANDOM = new SecureRandom();

    /** The nonce of the answer to {@code request}, made on first use. */
    static String nonce(HttpServletRequest request) {
        Object existing = request.getAttribute(NONCE_ATTRIBUTE);
        if (existing instanceof String nonce) {
            return nonce;
        }
        byte[] bytes = new byte[18];
        RANDOM.nextBytes(bytes);
        String nonce = Base64.getEncoder().encodeToString(bytes);
        request.setAttribute(NONCE_ATTRIBUTE, nonce);
        return nonce;
    }

    /** The page policy with the answer's nonce. */
    static String policy(HttpServletRequest request) {
        return POLICY.replace("{nonce}", nonce(request));
    }

    /** Every script and style element Vaadin writes into the page carries the answer's nonce. */
    @Override
    public void serviceInit(ServiceInitEvent event) {
        event.addIndexHtmlRequestListener(PageHeaders::addNonces);
    }

    static void addNonces(IndexHtmlResponse response) {
        VaadinRequest request = response.getVaadinRequest();
        if (!(request instanceof VaadinServletRequest servletRequest)) {
            return;
        }
        String nonce = nonce(servletRequest.getHttpServletRequest());
        response.getDocument().select("script, style").attr("nonce", nonce);
    }

    /** Writes the page policy (and the nonce it names) on the answers of the pages' filter chain. */
    static HeaderWriter contentSecurityPolicy() {
        return (request, response) -> {
            if (!response.containsHeader("Content-Security-Policy")) {
                response.setHeader("Content-Security-Policy", policy(request));
            }
        };
    }

    /**
     * {@code Cache-Control: no-store} on every answer but the static files: signed-in pages, and
     * the sign-in page too (it carries the session's sign-in token), are never kept by a browser
     * or a proxy. It replaces what Vaadin set ({@code no-cache} still lets a browser store the
     * page on disk).
     */
    static HeaderWriter noStore() {
        return (request, response) -> {
            if (!isStaticFile(pathOf(request))) {
                response.setHeader("Cache-Control", "no-store");
                response.setHeader("Pragma", "no-cache");
                response.setHeader("Expires", "0");
            }
        };
    }

    /** Files that are the same for everyone and carry no token (Vaadin's bundle, icons, the style sheet). */
    static boolean isStaticFile(String path) {
        return path.startsWith("/VAADIN/build/") || path.startsWith("/VAADIN/static/") || path.startsWith("/icons/")
                || path.equals("/styles.css") || path.equals("/favicon.ico");
    }

    static String pathOf(HttpServletRequest request) {
        String uri = request.getRequestURI();
        String context = request.getContextPath();
        return context != null && !context.isEmpty() && uri.startsWith(context) ? uri.substring(context.length()) : uri;
    }

    /** The headers of answers written outside the filter chains (error bodies): no framing, no sniffing, not kept. */
    static void writeBareHeaders(HttpServletResponse response, String policy) {
        response.setHeader("Content-Security-Policy", policy);
        response.setHeader("X-Content-Type-Options", "nosniff");
        response.setHeader("X-Frame-Options", "DENY");
        response.setHeader("Referrer-Policy", "same-origin");
        response.setHeader("Cache-Control", "no-store");
    }
}
