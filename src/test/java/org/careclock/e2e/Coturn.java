package org.careclock.e2e;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * A real coturn for the relay test: Debian's {@code turnserver} on a free loopback port with
 * the shared-secret scheme ({@code use-auth-secret}), no TLS, loopback peers allowed (both
 * browsers are on this machine). The executable is {@code careclock.e2e.turnserver} or
 * {@code CARECLOCK_E2E_TURNSERVER}, else {@code /usr/bin/turnserver}. It can be stopped and
 * started again on the same port, to take the relay away mid-call.
 */
final class Coturn implements AutoCloseable {

    private final String secret;
    private final int port;
    private final Path log;
    private Process process;

    private Coturn(String secret, int port, Path log) {
        this.secret = secret;
        this.port = port;
        this.log = log;
    }

    static Coturn start(String secret) {
        try {
            Path log = Files.createTempFile("careclock-coturn-", ".log");
            Coturn coturn = new Coturn(secret, freeUdpPort(), log);
            coturn.restart();
            return coturn;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    int port() {
        return port;
    }

    /** Starts (again) on the same port and waits until it listens. */
    void restart() {
        List<String> command = new ArrayList<>(List.of(executable(), "-n",
                "--listening-ip=127.0.0.1", "--relay-ip=127.0.0.1", "--listening-port=" + port,
                "--min-port=" + (port + 1), "--max-port=" + (port + 200),
                "--use-auth-secret", "--static-auth-secret=" + secret, "--realm=careclock.test",
                "--no-tls", "--no-dtls", "--no-cli", "--allow-loopback-peers", "--fingerprint",
                "--simple-log", "--log-file=stdout", "--no-software-attribute", "--verbose",
                "--pidfile=" + log.resolveSibling(log.getFileName() + ".pid"),
                "--db=" + log.resolveSibling(log.getFileName() + ".sqlite")));
        int starts = log().split("Total General servers", -1).length;
        try {
            process = new ProcessBuilder(command).redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile())).start();
        } catch (IOException e) {
            throw new IllegalStateException("coturn could not start: install Debian's coturn package, or point "
                    + "careclock.e2e.turnserver at turnserver", e);
        }
        Instant until = Instant.now().plus(Duration.ofSeconds(15));
        while (log().split("Total General servers", -1).length == starts) {
            if (!process.isAlive() || Instant.now().isAfter(until)) {
                throw new IllegalStateException("coturn did not start; its log:\n" + log());
            }
            Thread.onSpinWait();
        }
    }

    /** Ends the relay at once: every allocation on it is gone. */
    void stop() {
        if (process != null) {
            process.destroyForcibly();
            try {
                process.waitFor();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    String log() {
        try {
            return Files.readString(log);
        } catch (IOException e) {
            return "";
        }
    }

    @Override
    public void close() {
        stop();
    }

    private static String executable() {
        String configured = System.getProperty("careclock.e2e.turnserver");
        if (configured == null || configured.isBlank()) {
            configured = System.getenv("CARECLOCK_E2E_TURNSERVER");
        }
        return configured == null || configured.isBlank() ? Paths.get("/usr/bin/turnserver").toString() : configured;
    }

    /** A UDP port that is free now, with 200 free-looking ports above it for relays. */
    private static int freeUdpPort() throws IOException {
        for (int attempt = 0; attempt < 20; attempt++) {
            int candidate;
            try (DatagramSocket socket = new DatagramSocket(0, InetAddress.getLoopbackAddress())) {
                candidate = socket.getLocalPort();
            }
            if (candidate < 65_000) {
                return candidate;
            }
        }
        throw new IOException("no free UDP port below 65000");
    }
}
