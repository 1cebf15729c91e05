package org.careclock.demo;

import org.careclock.testing.ClusterNodes;
import org.careclock.base.Actor;
import org.careclock.call.CallService;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.condition.EnabledIfEnvironmentVariable;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Demo data on PostgreSQL with two nodes that start at the same moment: one set of demo users,
 * types and appointments, and one fresh counterpart for each ended demo appointment. Both nodes
 * are whole application contexts in one JVM on a schema of their own in the database that
 * CARECLOCK_TEST_POSTGRES_URL names (.ci/run starts one); the schema is dropped afterwards.
 */
@EnabledIfEnvironmentVariable(named = "CARECLOCK_TEST_POSTGRES_URL", matches = ".+")
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class DemoDataOnSeveralNodesTest {

    static final String SCHEMA = "demo_nodes_" + Long.toString(System.nanoTime(), 36);
    static final List<String> DEMO_CALLS = List.of("appointment:test-call", "quick-check:demo-quick",
            "appointment:follow-up", "appointment:lab-review", "appointment:starling-intake", "appointment:first-visit");

    static JdbcTemplate db;
    static ConfigurableApplicationContext nodeA;
    static ConfigurableApplicationContext nodeB;

    @BeforeAll
    static void startTwoNodesTogether() throws Exception {
        String url = System.getenv("CARECLOCK_TEST_POSTGRES_URL");
        db = new JdbcTemplate(new DriverManagerDataSource(url, user(), password()));
        db.execute("create schema " + SCHEMA);
        String schemaUrl = url + (url.contains("?") ? "&" : "?") + "currentSchema=" + SCHEMA;
        List<ConfigurableApplicationContext> nodes = together(() -> node("a", schemaUrl), () -> node("b", schemaUrl));
        nodeA = nodes.get(0);
        nodeB = nodes.get(1);
    }

    @AfterAll
    static void stopNodes() {
        for (ConfigurableApplicationContext node : new ConfigurableApplicationContext[]{nodeB, nodeA}) {
            if (node != null) {
                node.close();
            }
        }
        db.execute("drop schema " + SCHEMA + " cascade");
    }

    @Test
    @Order(1)
    void two_nodes_starting_together_create_one_set_of_demo_data() {
        assertThat(db.queryForList("select id from " + SCHEMA + ".users order by id", String.class))
                .containsExactly("admin", "bill", "clarice", "dr-lecter");
        assertThat(db.queryForList("select name from " + SCHEMA + ".call_types order by name", String.class))
                .containsExactly("appointment", "quick-check");
        assertThat(calls()).containsExactlyInAnyOrderElementsOf(DEMO_CALLS);
        assertThat(db.queryForObject("select created_at is not null from " + SCHEMA + ".demo_data", Boolean.class))
                .isTrue();
    }

    @Test
    @Order(2)
    void starting_again_creates_nothing_new() throws Exception {
        List<String> before = calls();
        together(startAgain(nodeA), startAgain(nodeB));
        assertThat(calls()).containsExactlyInAnyOrderElementsOf(before);
    }

    @Test
    @Order(3)
    void an_ended_demo_appointment_gets_one_fresh_counterpart_when_two_nodes_start_together() throws Exception {
        CallService calls = nodeA.getBean(CallService.class);
        calls.endIfNotStarted(Actor.api(), "appointment", "test-call");
        calls.endIfNotStarted(Actor.api(), "quick-check", "demo-quick");
        List<String> before = calls();

        together(startAgain(nodeA), startAgain(nodeB));

        assertThat(calls()).containsExactlyInAnyOrderElementsOf(concat(before,
                List.of("appointment:test-call-2", "quick-check:demo-quick-2")));
    }

    /** What a node does with the demo when it starts. */
    static Callable<Void> startAgain(ConfigurableApplicationContext node) {
        return () -> {
            node.getBean(DemoData.class).afterSingletonsInstantiated();
            return null;
        };
    }

    /** Runs both at the same moment and returns their results; fails with either's exception. */
    @SafeVarargs
    static <T> List<T> together(Callable<T>... tasks) throws Exception {
        CyclicBarrier start = new CyclicBarrier(tasks.length);
        try (ExecutorService threads = Executors.newFixedThreadPool(tasks.length)) {
            List<Future<T>> results = java.util.Arrays.stream(tasks).map(task -> threads.submit(() -> {
                start.await();
                return task.call();
            })).toList();
            List<T> values = new java.util.ArrayList<>();
            for (Future<T> result : results) {
                values.add(result.get());
            }
            return values;
        }
    }

    static ConfigurableApplicationContext node(String name, String url) {
        return ClusterNodes.startOn(url, name, "--careclock.demo.enabled=true",
                // The README's passwords, as in production: with one password for all, the
                // nodes' password updates would lock the users' rows and hide a missing guard.
                "--careclock.demo.password=");
    }

    static List<String> calls() {
        return db.queryForList("select cid from " + SCHEMA + ".calls", String.class);
    }

    static List<String> concat(List<String> a, List<String> b) {
        return java.util.stream.Stream.concat(a.stream(), b.stream()).toList();
    }

    static String user() {
        return ClusterNodes.envOr("CARECLOCK_TEST_POSTGRES_USER", "careclock");
    }

    static String password() {
        return ClusterNodes.envOr("CARECLOCK_TEST_POSTGRES_PASSWORD", "careclock");
    }
}
