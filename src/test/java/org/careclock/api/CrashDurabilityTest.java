package org.careclock.api;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * What the API acknowledged survives the process being killed (SIGKILL, no shutdown hook, no
 * flush) right after the acknowledgement, on the embedded H2 default: CareClock runs in a child
 * JVM with the default configuration on a database file in a temporary directory; each change is
 * followed at once by {@code kill -9}, and a new process on the same file must show it. With H2's
 * default write delay (half a second) the change is lost; see {@code EmbeddedDurability}.
 */
class CrashDurabilityTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final String KEY = "crash-test-key";
    private static final String SECRET = "crash-test-secret-with-enough-length-0123456789";

    @TempDir
    Path dir;

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final List<Process> processes = new ArrayList<>();
    private int port;

    @AfterEach
    void stopEverything() {
        processes.forEach(Process::destroyForcibly);
    }

    @Test
    void a_created_call_an_override_and_an_end_survive_kill_minus_nine_right_after_their_answer() throws Exception {
        String id = "crash-" + Long.toString(System.nanoTime(), 36);
        String path = "/api/v2/video/call/appointment/" + id;

        Process first = start();
        HttpResponse<String> created = send("POST", path,
                "{\"data\":{\"created_by_id\":\"dr-lecter\",\"members\":[{\"user_id\":\"dr-lecter\"},{\"user_id\":\"bill\"}]}}");
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        kill(first);

        Process second = start();
        JsonNode call = callAfterRestart(path, "the created call");
        assertThat(call.get("id").asString()).isEqualTo(id);
        HttpResponse<String> patched = send("PATCH", path,
                "{\"settings_override\":{\"limits\":{\"max_duration_seconds\":5400}}}");
        assertThat(patched.statusCode()).as(patched.body()).isEqualTo(200);
        kill(second);

        Process third = start();
        call = callAfterRestart(path, "the new budget");
        assertThat(call.get("settings").get("limits").get("max_duration_seconds").asInt()).as("the new budget")
                .isEqualTo(5400);
        HttpResponse<String> ended = send("POST", path + "/mark_ended", null);
        assertThat(ended.statusCode()).as(ended.body()).isEqualTo(200);
        kill(third);

        start();
        call = callAfterRestart(path, "the end");
        assertThat(call.get("state").asString()).as("the end").isEqualTo("ENDED");
        assertThat(call.get("ended_at").isNull()).isFalse();
    }

    /** The call as the restarted process answers it; fails when the call is not there at all. */
    private JsonNode callAfterRestart(String path, String what) throws IOException, InterruptedException {
        HttpResponse<String> answer = send("GET", path, null);
        assertThat(answer.statusCode()).as(what + " after kill -9 and a restart: " + answer.body()).isEqualTo(200);
        return JSON.readTree(answer.body()).get("call");
    }

    /** CareClock with its default configuration (H2 file under ./data), in {@link #dir}, ready to answer. */
    private Process start() throws IOException {
        port = freePort();
        Path log = dir.resolve("careclock-" + processes.size() + ".log");
        ProcessBuilder builder = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx512m", "-XX:TieredStopAtLevel=1",
                "-cp", System.getProperty("java.class.path"),
                "org.careclock.CareClockApplication",
                "--server.port=" + port,
                "--careclock.api.key=" + KEY,
                "--careclock.api.secret=" + SECRET,
                "--spring.main.banner-mode=off")
                .directory(dir.toFile())
                .redirectErrorStream(true)
                .redirectOutput(log.toFile());
        builder.environment().remove("SPRING_PROFILES_ACTIVE");
        Process process = builder.start();
        processes.add(process);
        await().atMost(Duration.ofMinutes(3)).pollInterval(Duration.ofMillis(250)).until(() -> {
            if (!process.isAlive()) {
                throw new AssertionError("CareClock stopped while starting:\n" + Files.readString(log));
            }
            try {
                return send("GET", "/api/v2/video/calltypes/appointment", null).statusCode() == 200;
            } catch (IOException e) {
                return false;
            }
        });
        return process;
    }

    /** SIGKILL on Linux: no shutdown hook runs, nothing is flushed or closed. */
    private static void kill(Process process) throws InterruptedException {
        process.destroyForcibly();
        assertThat(process.waitFor(Duration.ofSeconds(30))).isTrue();
        assertThat(process.exitValue()).as("killed by SIGKILL").isEqualTo(137);
    }

    private HttpResponse<String> send(String method, String path, String body) throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path + "?api_key=" + KEY))
                .timeout(Duration.ofSeconds(30))
                .header("Authorization", TestTokens.server(SECRET))
                .header("Content-Type", "application/json")
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(body));
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
