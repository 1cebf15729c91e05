package org.careclock.session;

import org.awaitility.Awaitility;
import org.careclock.audit.AuditService;
import org.careclock.base.Actor;
import org.careclock.call.CallService;
import org.careclock.call.NewCall;
import org.careclock.calltype.CallTypeService;
import org.careclock.testing.SpringTest;
import org.careclock.testing.TestCallTypes;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfEnvironmentVariable;
import org.postgresql.PGConnection;
import org.postgresql.PGNotification;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.TestPropertySource;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Call events between nodes over PostgreSQL's LISTEN/NOTIFY: what this node publishes reaches a
 * listener elsewhere, and what another node notifies reaches this node's pages (and not its audit
 * log, which only records what this node did). Runs when CARECLOCK_TEST_POSTGRES_URL names a
 * database (.ci/run starts one).
 */
@EnabledIfEnvironmentVariable(named = "CARECLOCK_TEST_POSTGRES_URL", matches = ".+")
@TestPropertySource(properties = {
        "spring.datasource.url=${CARECLOCK_TEST_POSTGRES_URL}",
        "spring.datasource.username=${CARECLOCK_TEST_POSTGRES_USER:careclock}",
        "spring.datasource.password=${CARECLOCK_TEST_POSTGRES_PASSWORD:careclock}",
        "careclock.cluster.enabled=true"})
class ClusterEventsTest extends SpringTest {

    static final Duration SOON = Duration.ofSeconds(10);

    @Autowired ClusterEvents cluster;
    @Autowired SessionEvents events;
    @Autowired SessionTimerService timers;
    @Autowired CallTypeService types;
    @Autowired CallService calls;
    @Autowired AuditService audit;
    @Autowired DataSource dataSource;

    String type;
    String id;
    String cid;
    final List<SessionEvent> heard = Collections.synchronizedList(new ArrayList<>());

    @BeforeEach
    void setUp() {
        type = freshId("node");
        types.create(Actor.api(), TestCallTypes.standard(type, 3600, 180, 60, 300));
        id = freshId("visit");
        cid = type + ":" + id;
        calls.create(Actor.api(), new NewCall(type, id, null, List.of("dr-lecter", "bill"), "dr-lecter", null, null));
        events.subscribe(cid, heard::add);
    }

    @Test
    void what_this_node_publishes_is_notified_to_the_others() throws Exception {
        try (Connection other = dataSource.getConnection(); Statement listen = other.createStatement()) {
            listen.execute("LISTEN " + ClusterEvents.CHANNEL);
            timers.join(actor("dr-lecter"), type, id, null);
            List<String> got = new ArrayList<>();
            Awaitility.await().atMost(SOON).until(() -> {
                other.createStatement().execute("select 1");
                PGNotification[] n = other.unwrap(PGConnection.class).getNotifications(200);
                if (n != null) {
                    for (PGNotification each : n) {
                        got.add(each.getParameter());
                    }
                }
                return got.stream().anyMatch(t -> t.contains("\"DeadlineChanged\"") && t.contains(cid));
            });
            assertThat(got).anySatisfy(t -> assertThat(t).contains("\"node\":\"" + cluster.node() + "\""));
        }
    }

    @Test
    void another_nodes_event_reaches_this_nodes_pages_but_not_its_audit_log() {
        Instant endsAt = clock.instant().plusSeconds(4200);
        notifyAsAnotherNode("{\"node\":\"node-b\",\"kind\":\"DeadlineChanged\",\"event\":{\"cid\":\"" + cid
                + "\",\"oldEndsAt\":null,\"newEndsAt\":\"" + endsAt + "\",\"maxDurationSeconds\":4200,"
                + "\"actor\":\"dr-lecter\",\"at\":\"" + clock.instant() + "\",\"action\":\"extended\"}}");
        Awaitility.await().atMost(SOON).until(() -> !heard.isEmpty());
        assertThat(heard).singleElement().isInstanceOfSatisfying(SessionEvent.DeadlineChanged.class,
                e -> assertThat(e.newEndsAt()).isEqualTo(endsAt));
        assertThat(audit.ofCall(Actor.api(), cid)).as("node B's audit log has it, not this one").isEmpty();
    }

    @Test
    void a_large_event_travels_by_reference_and_garbage_is_dropped() {
        String sdp = "v=0\r\n" + "a=x\r\n".repeat(4_000);
        SessionEvent big = new SessionEvent.SignalRelayed(cid, 1, "dr-lecter", 2, SignalKind.OFFER, sdp);
        JdbcTemplate jdbc = new JdbcTemplate(dataSource);
        String ofThisCall = "select count(*) from cluster_payloads where body like ?";
        assertThat(jdbc.queryForObject(ofThisCall, Long.class, "%" + cid + "%")).isZero();
        cluster.send(big);
        assertThat(jdbc.queryForObject(ofThisCall, Long.class, "%" + cid + "%")).as("kept by reference").isEqualTo(1);

        // Another node sent one: its row, then the notification naming it.
        String body = "{\"node\":\"node-b\",\"kind\":\"SignalRelayed\",\"event\":{\"cid\":\"" + cid
                + "\",\"fromPage\":1,\"fromUserId\":\"dr-lecter\",\"toPage\":2,\"kind\":\"OFFER\",\"payload\":\""
                + sdp.replace("\r\n", "\\r\\n") + "\"}}";
        Long ref = jdbc.queryForObject("insert into cluster_payloads (body) values (?) returning id", Long.class, body);
        notifyAsAnotherNode("not json at all");
        notifyAsAnotherNode("{\"node\":\"node-b\",\"kind\":\"NoSuchEvent\",\"event\":{}}");
        notifyAsAnotherNode("{\"node\":\"node-b\",\"ref\":" + ref + "}");
        Awaitility.await().atMost(SOON).until(() -> !heard.isEmpty());
        assertThat(heard).singleElement().isInstanceOfSatisfying(SessionEvent.SignalRelayed.class,
                e -> assertThat(e.payload()).isEqualTo(sdp));
    }

    @Test
    void this_nodes_own_notifications_are_not_delivered_twice() {
        timers.join(actor("dr-lecter"), type, id, null);
        long started = heard.stream().filter(e -> e instanceof SessionEvent.DeadlineChanged).count();
        notifyAsAnotherNode("{\"node\":\"" + cluster.node() + "\",\"kind\":\"IdlePromptCancelled\",\"event\":{\"cid\":\""
                + cid + "\"}}");
        notifyAsAnotherNode("{\"node\":\"node-b\",\"kind\":\"IdlePromptCancelled\",\"event\":{\"cid\":\"" + cid + "\"}}");
        Awaitility.await().atMost(SOON).until(() -> heard.stream().anyMatch(e -> e instanceof SessionEvent.IdlePromptCancelled));
        Awaitility.await().during(Duration.ofMillis(500)).atMost(SOON).until(() ->
                heard.stream().filter(e -> e instanceof SessionEvent.IdlePromptCancelled).count() == 1);
        assertThat(heard.stream().filter(e -> e instanceof SessionEvent.DeadlineChanged).count()).isEqualTo(started);
    }

    @Test
    void a_lost_listening_connection_is_opened_again_and_hears_each_event_once() {
        JdbcTemplate jdbc = new JdbcTemplate(dataSource);
        List<Integer> listeners = jdbc.queryForList("select pid from pg_stat_activity where query ilike ? "
                + "and pid <> pg_backend_pid()", Integer.class, "LISTEN " + ClusterEvents.CHANNEL + "%");
        assertThat(listeners).as("this node listens").isNotEmpty();
        listeners.forEach(pid -> jdbc.queryForObject("select pg_terminate_backend(?)", Boolean.class, pid));
        // A pooled connection that once ran LISTEN may have been among them: the pool drops them all.
        try {
            dataSource.unwrap(com.zaxxer.hikari.HikariDataSource.class).getHikariPoolMXBean().softEvictConnections();
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException(e);
        }

        // What is sent while the node is away is lost; once it listens again, it hears.
        String cancelled = "{\"node\":\"node-b\",\"kind\":\"IdlePromptCancelled\",\"event\":{\"cid\":\"" + cid + "\"}}";
        Awaitility.await("the node listens again").atMost(SOON).pollInterval(Duration.ofMillis(200)).until(() -> {
            notifyAsAnotherNode(cancelled);
            return heard.stream().anyMatch(e -> e instanceof SessionEvent.IdlePromptCancelled);
        });
        heard.clear();
        notifyAsAnotherNode("{\"node\":\"node-b\",\"kind\":\"PresenceChanged\",\"event\":{\"cid\":\"" + cid
                + "\",\"present\":[]}}");
        Awaitility.await().atMost(SOON).until(() -> heard.stream().anyMatch(e -> e instanceof SessionEvent.PresenceChanged));
        Awaitility.await("heard once").during(Duration.ofMillis(500)).atMost(SOON).until(() ->
                heard.stream().filter(e -> e instanceof SessionEvent.PresenceChanged).count() == 1);
    }

    void notifyAsAnotherNode(String text) {
        new JdbcTemplate(dataSource).query("select pg_notify(?, ?)", rs -> null, ClusterEvents.CHANNEL, text);
    }
}
