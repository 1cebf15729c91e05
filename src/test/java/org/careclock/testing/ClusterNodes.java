package org.careclock.testing;

import org.careclock.CareClockApplication;
import org.springframework.boot.context.event.ApplicationEnvironmentPreparedEvent;
import org.springframework.boot.context.event.ApplicationFailedEvent;
import org.springframework.boot.context.event.ApplicationStartingEvent;
import org.springframework.boot.context.event.SpringApplicationEvent;
import org.springframework.context.ApplicationListener;
import org.springframework.core.Ordered;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.locks.ReentrantLock;

/**
 * Whole CareClock nodes for tests of several nodes: each an application context of its own with
 * its own web server on a free port, on the PostgreSQL database that CARECLOCK_TEST_POSTGRES_URL
 * names ({@code .ci/run} starts one), with {@code careclock.cluster.enabled=true}.
 */
public final class ClusterNodes {

    private ClusterNodes() {
    }

    /** A node on the test database; {@code more} command-line arguments win over the defaults here. */
    public static ConfigurableApplicationContext start(String name, String... more) {
        return startOn(System.getenv("CARECLOCK_TEST_POSTGRES_URL"), name, more);
    }

    /** A node on the database {@code url}. */
    public static ConfigurableApplicationContext startOn(String url, String name, String... more) {
        // As command-line arguments, so they win over the application's own properties.
        List<String> args = new ArrayList<>(List.of("--server.port=0",
                "--spring.datasource.url=" + url,
                "--spring.datasource.username=" + envOr("CARECLOCK_TEST_POSTGRES_USER", "careclock"),
                "--spring.datasource.password=" + envOr("CARECLOCK_TEST_POSTGRES_PASSWORD", "careclock"),
                "--careclock.cluster.enabled=true",
                "--spring.application.name=careclock-" + name,
                "--logging.level.org.careclock=warn"));
        args.addAll(List.of(more));
        return new SpringApplicationBuilder(CareClockApplication.class).profiles("test")
                .listeners(new LoggingLock(), new LoggingUnlock())
                .run(args.toArray(String[]::new));
    }

    /**
     * Nodes started at the same instant in one JVM (the tests of demo data on several nodes)
     * share one logging system, which Spring Boot initializes per application and not safely
     * at once ("Unable to find Spring Environment in logger context"). The start of each node
     * holds this lock from its very first event until its logging is set up; the rest of the
     * start, where the nodes meet in the database, runs at the same time.
     */
    private static final ReentrantLock LOGGING = new ReentrantLock();

    private static final class LoggingLock implements ApplicationListener<ApplicationStartingEvent>, Ordered {
        @Override
        public void onApplicationEvent(ApplicationStartingEvent event) {
            LOGGING.lock();
        }

        @Override
        public int getOrder() {
            return Ordered.HIGHEST_PRECEDENCE;
        }
    }

    private static final class LoggingUnlock implements ApplicationListener<SpringApplicationEvent>, Ordered {
        @Override
        public void onApplicationEvent(SpringApplicationEvent event) {
            boolean loggingReady = event instanceof ApplicationEnvironmentPreparedEvent
                    || event instanceof ApplicationFailedEvent;
            if (loggingReady && LOGGING.isHeldByCurrentThread()) {
                LOGGING.unlock();
            }
        }

        @Override
        public int getOrder() {
            return Ordered.LOWEST_PRECEDENCE;
        }
    }

    /** Closes the nodes that were started and still run, in the order given. */
    public static void stop(ConfigurableApplicationContext... nodes) {
        for (ConfigurableApplicationContext node : nodes) {
            if (node != null && node.isActive()) {
                node.close();
            }
        }
    }

    /** Where the node's web server answers. */
    public static String baseUrl(ConfigurableApplicationContext node) {
        return "http://localhost:" + ((WebServerApplicationContext) node).getWebServer().getPort();
    }

    public static String envOr(String name, String otherwise) {
        String value = System.getenv(name);
        return value == null || value.isBlank() ? otherwise : value;
    }
}
