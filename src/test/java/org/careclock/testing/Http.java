package org.careclock.testing;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.Socket;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A small HTTP/1.1 client on a plain socket, so that a test sends exactly the request line it
 * means (an encoded slash, a NUL, {@code ..}, any method): general clients normalise or refuse
 * such addresses before they leave. Keeps cookies like a browser; follows no redirects.
 */
public final class Http {

    private static final Pattern META = Pattern.compile("<meta name=\"(_csrf(?:_parameter)?)\" content=\"([^\"]*)\"");

    private final int port;
    private final Map<String, String> cookies = new LinkedHashMap<>();

    public Http(int port) {
        this.port = port;
    }

    /** One answer: status, headers (names in lower case), body as text. */
    public record Answer(int status, Map<String, List<String>> headers, String body) {

        public String header(String name) {
            List<String> values = headers.get(name.toLowerCase(Locale.ROOT));
            return values == null || values.isEmpty() ? null : values.getFirst();
        }

        public List<String> headers(String name) {
            return headers.getOrDefault(name.toLowerCase(Locale.ROOT), List.of());
        }

        /** The Set-Cookie header that sets {@code name}, or null. */
        public String setCookie(String name) {
            return headers("set-cookie").stream().filter(c -> c.startsWith(name + "=")).findFirst().orElse(null);
        }

        public String location() {
            return header("location");
        }
    }

    public Answer get(String target, String... headerPairs) {
        return request("GET", target, null, null, headerPairs);
    }

    public Answer send(String method, String target, String... headerPairs) {
        return request(method, target, null, null, headerPairs);
    }

    public Answer postForm(String target, Map<String, String> form, String... headerPairs) {
        StringBuilder body = new StringBuilder();
        form.forEach((k, v) -> body.append(body.isEmpty() ? "" : "&").append(URLEncoder.encode(k, StandardCharsets.UTF_8))
                .append('=').append(URLEncoder.encode(v, StandardCharsets.UTF_8)));
        return request("POST", target, "application/x-www-form-urlencoded", body.toString(), headerPairs);
    }

    /**
     * Signs in as the page does: opens the sign-in page, takes the form token Vaadin wrote into it
     * and posts the form with it. Answers the form's answer (a redirect).
     */
    public Answer signIn(String user, String password, String... headerPairs) {
        Answer page = get("/login", headerPairs);
        Map<String, String> meta = csrfMeta(page.body());
        Map<String, String> form = new LinkedHashMap<>();
        form.put("username", user);
        form.put("password", password);
        form.put(meta.get("_csrf_parameter"), meta.get("_csrf"));
        return postForm("/login", form, headerPairs);
    }

    /** The {@code _csrf} and {@code _csrf_parameter} meta tags of a page. */
    public static Map<String, String> csrfMeta(String html) {
        Map<String, String> meta = new LinkedHashMap<>();
        Matcher m = META.matcher(html);
        while (m.find()) {
            meta.put(m.group(1), m.group(2));
        }
        if (!meta.containsKey("_csrf") || !meta.containsKey("_csrf_parameter")) {
            throw new AssertionError("the page carries no sign-in token");
        }
        return meta;
    }

    /** Sends {@code method target} with a body of {@code contentType} (both may be null) and the given header pairs. */
    public Answer request(String method, String target, String contentType, String body, String... headerPairs) {
        byte[] content = body == null ? new byte[0] : body.getBytes(StandardCharsets.UTF_8);
        StringBuilder request = new StringBuilder();
        request.append(method).append(' ').append(target).append(" HTTP/1.1\r\n");
        request.append("Host: localhost:").append(port).append("\r\n");
        request.append("Connection: close\r\n");
        request.append("Accept: text/html,application/xhtml+xml,application/json;q=0.9,*/*;q=0.8\r\n");
        for (int i = 0; i + 1 < headerPairs.length; i += 2) {
            request.append(headerPairs[i]).append(": ").append(headerPairs[i + 1]).append("\r\n");
        }
        if (!cookies.isEmpty()) {
            List<String> pairs = new ArrayList<>();
            cookies.forEach((k, v) -> pairs.add(k + "=" + v));
            request.append("Cookie: ").append(String.join("; ", pairs)).append("\r\n");
        }
        if (contentType != null) {
            request.append("Content-Type: ").append(contentType).append("\r\n");
        }
        if (body != null || "POST".equals(method) || "PUT".equals(method) || "PATCH".equals(method)) {
            request.append("Content-Length: ").append(content.length).append("\r\n");
        }
        request.append("\r\n");
        try (Socket socket = new Socket("localhost", port)) {
            socket.setSoTimeout(30_000);
            OutputStream out = socket.getOutputStream();
            out.write(request.toString().getBytes(StandardCharsets.ISO_8859_1));
            out.write(content);
            out.flush();
            Answer answer = read(socket.getInputStream(), "HEAD".equals(method));
            for (String c : answer.headers("set-cookie")) {
                String pair = c.split(";", 2)[0];
                int eq = pair.indexOf('=');
                cookies.put(pair.substring(0, eq).strip(), pair.substring(eq + 1).strip());
            }
            return answer;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Answer read(InputStream in, boolean head) throws IOException {
        String statusLine = line(in);
        String[] parts = statusLine.split(" ", 3);
        int status = Integer.parseInt(parts[1]);
        Map<String, List<String>> headers = new LinkedHashMap<>();
        for (String line = line(in); !line.isEmpty(); line = line(in)) {
            int colon = line.indexOf(':');
            headers.computeIfAbsent(line.substring(0, colon).strip().toLowerCase(Locale.ROOT), k -> new ArrayList<>())
                    .add(line.substring(colon + 1).strip());
        }
        if (head) {
            return new Answer(status, headers, "");
        }
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        List<String> encoding = headers.getOrDefault("transfer-encoding", List.of());
        if (encoding.stream().anyMatch(e -> e.equalsIgnoreCase("chunked"))) {
            while (true) {
                String size = line(in).split(";", 2)[0].strip();
                int n = Integer.parseInt(size, 16);
                if (n == 0) {
                    break;
                }
                body.write(in.readNBytes(n));
                line(in);
            }
        } else if (headers.containsKey("content-length")) {
            body.write(in.readNBytes(Integer.parseInt(headers.get("content-length").getFirst())));
        } else {
            body.write(in.readAllBytes());
        }
        return new Answer(status, headers, body.toString(StandardCharsets.UTF_8));
    }

    private static String line(InputStream in) throws IOException {
        ByteArrayOutputStream line = new ByteArrayOutputStream();
        int b;
        while ((b = in.read()) != -1) {
            if (b == '\n') {
                break;
            }
            if (b != '\r') {
                line.write(b);
            }
        }
        return line.toString(StandardCharsets.ISO_8859_1);
    }
}
