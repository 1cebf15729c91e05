package org.careclock.testing;

import org.careclock.CareClockApplication;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

import java.util.ArrayList;
import java.util.List;

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
        return new SpringApplicationBuilder(CareClockApplication.class).profiles("test").run(args.toArray(String[]::new));
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
