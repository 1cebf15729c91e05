package org.careclock.session;

import org.postgresql.PGConnection;
import org.postgresql.PGNotification;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.SmartLifecycle;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

import javax.sql.DataSource;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.Statement;
import java.util.Arrays;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Carries every call event to the other CareClock nodes sharing one PostgreSQL database, over
 * PostgreSQL's {@code LISTEN/NOTIFY} (channel {@code careclock_events}): the deadline, alerts,
 * presence, idle prompts, waiting room, signalling and the end reach the pages of a call on
 * every node; {@link Follower} first brings this node's runtime of the call in step. A notification carries the event as JSON with the sending node's id; one larger
 * than a notification may be (8000 bytes; a session description can be) is kept in
 * {@code cluster_payloads} and the notification names its row. A notification that does not
 * parse is logged and dropped. A dedicated connection listens; if it breaks, the node logs it
 * and listens again. On only with {@code careclock.cluster.enabled=true} (PostgreSQL profile).
 */
@Component
@ConditionalOnProperty(name = "careclock.cluster.enabled", havingValue = "true")
class ClusterEvents implements EventRelay, SmartLifecycle {

    static final String CHANNEL = "careclock_events";
    static final int INLINE_LIMIT = 7_000;

    private static final Logger log = LoggerFactory.getLogger(ClusterEvents.class);
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final Map<String, Class<? extends SessionEvent>> KINDS = Arrays
            .stream(SessionEvent.class.getPermittedSubclasses())
            .map(c -> c.asSubclass(SessionEvent.class))
            .collect(Collectors.toMap(Class::getSimpleName, Function.identity()));

    private final DataSource dataSource;
    private final JdbcTemplate jdbc;
    private final SessionEvents events;
    private final Follower follower;
    private final String node;
    private volatile boolean running;
    private Thread listener;

    ClusterEvents(DataSource dataSource, SessionEvents events, Follower follower, ClusterNode node) {
        this.node = node.id();
        this.dataSource = dataSource;
        this.jdbc = new JdbcTemplate(dataSource);
        this.events = events;
        this.follower = follower;
    }

    /** This node's id in the notifications it sends. */
    String node() {
        return node;
    }

    @Override
    public void send(SessionEvent event) {
        ObjectNode message = JSON.createObjectNode();
        message.put("node", node);
        message.put("kind", event.getClass().getSimpleName());
        message.set("event", JSON.valueToTree(event));
        String body = JSON.writeValueAsString(message);
        if (body.getBytes(StandardCharsets.UTF_8).length > INLINE_LIMIT) {
            Long id = jdbc.queryForObject("insert into cluster_payloads (body) values (?) returning id", Long.class, body);
            jdbc.update("delete from cluster_payloads where created_at < now() - interval '10 minutes'");
            body = JSON.writeValueAsString(JSON.createObjectNode().put("node", node).put("ref", id));
        }
        jdbc.query("select pg_notify(?, ?)", rs -> null, CHANNEL, body);
    }

    /** Takes one notification's text: another node's event is applied to this node's runtime, then its pages hear it. */
    void receive(String text) {
        SessionEvent event;
        try {
            event = parse(text);
        } catch (RuntimeException e) {
            log.warn("Dropped a cluster notification that does not parse ({}): {}", e.getMessage(),
                    text.length() > 200 ? text.substring(0, 200) + "…" : text);
            return;
        }
        if (event == null) {
            return;
        }
        try {
            follower.apply(event);
        } catch (RuntimeException e) {
            log.error("Could not bring this node's runtime of {} in step with {}", event.cid(), event, e);
        }
        events.deliverHere(event);
    }

    /** The event of a notification, or null for this node's own. */
    private SessionEvent parse(String text) {
        JsonNode message = JSON.readTree(text);
        if (node.equals(message.path("node").asString(""))) {
            return null;
        }
        if (message.has("ref")) {
            String body = jdbc.queryForObject("select body from cluster_payloads where id = ?", String.class,
                    message.get("ref").asLong());
            message = JSON.readTree(body);
        }
        Class<? extends SessionEvent> kind = KINDS.get(message.path("kind").asString(""));
        if (kind == null) {
            throw new IllegalArgumentException("unknown kind " + message.path("kind"));
        }
        return JSON.treeToValue(message.get("event"), kind);
    }

    @Override
    public void start() {
        running = true;
        listener = new Thread(this::listen, "careclock-cluster-events");
        listener.setDaemon(true);
        listener.start();
    }

    @Override
    public void stop() {
        running = false;
        if (listener != null) {
            listener.interrupt();
        }
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    private void listen() {
        while (running) {
            try (Connection connection = dataSource.getConnection()) {
                connection.setAutoCommit(true);
                try (Statement statement = connection.createStatement()) {
                    statement.execute("LISTEN " + CHANNEL);
                }
                PGConnection pg = connection.unwrap(PGConnection.class);
                log.info("Listening for the other nodes' call events");
                while (running) {
                    PGNotification[] notifications = pg.getNotifications(500);
                    if (notifications != null) {
                        for (PGNotification n : notifications) {
                            receive(n.getParameter());
                        }
                    }
                }
            } catch (Exception e) {
                if (!running) {
                    return;
                }
                log.error("Lost the connection that hears the other nodes' call events; listening again in 1 s", e);
                try {
                    Thread.sleep(1_000);
                } catch (InterruptedException interrupted) {
                    Thread.currentThread().interrupt();
                    return;
                }
            }
        }
    }
}
