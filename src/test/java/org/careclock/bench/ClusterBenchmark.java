package org.careclock.bench;

import org.careclock.base.Actor;
import org.careclock.call.CallService;
import org.careclock.call.CallState;
import org.careclock.calltype.CallTypeService;
import org.careclock.session.SessionEvent;
import org.careclock.session.SessionEvents;
import org.careclock.session.SessionTimerService;
import org.careclock.testing.ClusterNodes;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfEnvironmentVariable;
import org.springframework.context.ApplicationEvent;
import org.springframework.context.ApplicationListener;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.PayloadApplicationEvent;
import org.springframework.jdbc.core.JdbcTemplate;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;

import static org.careclock.bench.BenchData.PATIENT_ACTOR;
import static org.careclock.bench.BenchData.SPECIALIST_ACTOR;

/**
 * Benchmark 7: several nodes. Two whole nodes (application contexts with web servers) in one
 * JVM on the PostgreSQL that CARECLOCK_TEST_POSTGRES_URL names, with the production settings of
 * {@code careclock.cluster.*}:
 * <ul>
 * <li>fan-out: an extension on node A to a page's listener on node B, beside the same on node A;</li>
 * <li>end lateness with the sessions spread over the two nodes (half run on each);</li>
 * <li>exactly-once with both nodes racing: every session runs on both (a page on each), both fire
 * every deadline; duplicates (more than one end published) and misses;</li>
 * <li>failover: node A runs calls due after it stops hard; node B ends them (backstop or takeover).</li>
 * </ul>
 * End lateness is measured at the node that published the end (the winner of the guarded end),
 * from the deadline to the moment its listener heard the committed end.
 *
 * <p>Run: {@code CARECLOCK_TEST_POSTGRES_URL=jdbc:postgresql://HOST:PORT/DB ./mvnw -B -Pbench test
 * -Dtest=ClusterBenchmark} (options: {@code -Dbench.sessions=10000 -Dbench.lead=240 -Dbench.window=60
 * -Dbench.failover=200 -Dbench.extensions=500}).
 */
@Tag("benchmark")
@EnabledIfEnvironmentVariable(named = "CARECLOCK_TEST_POSTGRES_URL", matches = ".+")
class ClusterBenchmark {

    /** The ends one node published, by call, with when its listener heard each. */
    static final class Ends implements ApplicationListener<ApplicationEvent> {
        final Map<String, List<Instant>> heard = new ConcurrentHashMap<>();

        @Override
        public void onApplicationEvent(ApplicationEvent event) {
            if (event instanceof PayloadApplicationEvent<?> p && p.getPayload() instanceof SessionEvent.CallEnded e) {
                heard.computeIfAbsent(e.cid(), c -> java.util.Collections.synchronizedList(new ArrayList<>()))
                        .add(Instant.now());
            }
        }
    }

    record Node(ConfigurableApplicationContext context, Ends ends) {
        static Node start(String name, String... more) {
            ConfigurableApplicationContext context = ClusterNodes.start(name, more);
            Ends ends = new Ends();
            context.addApplicationListener(ends);
            return new Node(context, ends);
        }

        SessionTimerService timers() {
            return context.getBean(SessionTimerService.class);
        }

        BenchData data() {
            return new BenchData(context.getBean(CallTypeService.class), context.getBean(CallService.class));
        }
    }

    static final String[] QUIET = {"--careclock.session.presence-timeout=6h", "--logging.level.root=warn"};

    @Test
    void fan_out_from_node_a_to_a_page_on_node_b() throws Exception {
        int n = BenchReport.intProperty("bench.extensions", 500);
        BenchReport report = new BenchReport("cluster-fan-out");
        Node a = Node.start("a", QUIET);
        Node b = Node.start("b", QUIET);
        try {
            BenchData data = a.data();
            String type = data.callType(3600, List.of(60), 0, 0, 300);
            String id = data.call(type);
            String cid = type + ":" + id;
            a.timers().join(SPECIALIST_ACTOR, type, id, null);
            b.timers().join(PATIENT_ACTOR, type, id, null);
            AtomicReference<Instant> awaited = new AtomicReference<>();
            AtomicReference<CountDownLatch> onA = new AtomicReference<>();
            AtomicReference<CountDownLatch> onB = new AtomicReference<>();
            long[] heardA = new long[1];
            long[] heardB = new long[1];
            a.context.getBean(SessionEvents.class).subscribe(cid, e -> {
                if (e instanceof SessionEvent.DeadlineChanged d && d.newEndsAt().equals(awaited.get())) {
                    heardA[0] = System.nanoTime();
                    onA.get().countDown();
                }
            });
            b.context.getBean(SessionEvents.class).subscribe(cid, e -> {
                if (e instanceof SessionEvent.DeadlineChanged d && d.newEndsAt().equals(awaited.get())) {
                    heardB[0] = System.nanoTime();
                    onB.get().countDown();
                }
            });
            List<Double> sameNode = new ArrayList<>();
            List<Double> otherNode = new ArrayList<>();
            Instant endsAt = a.timers().view(Actor.api(), type, id).timerEndsAt();
            for (int i = 0; i < n + 20; i++) {
                endsAt = endsAt.plusSeconds(1);
                awaited.set(endsAt);
                onA.set(new CountDownLatch(1));
                onB.set(new CountDownLatch(1));
                long before = System.nanoTime();
                a.timers().extend(SPECIALIST_ACTOR, type, id, 1);
                if (!onA.get().await(10, TimeUnit.SECONDS) || !onB.get().await(10, TimeUnit.SECONDS)) {
                    throw new AssertionError("extension " + i + " was not heard on both nodes");
                }
                if (i >= 20) {
                    sameNode.add((heardA[0] - before) / 1e6);
                    otherNode.add((heardB[0] - before) / 1e6);
                }
            }
            Stats same = Stats.of(sameNode);
            Stats other = Stats.of(otherNode);
            report.line("%d extensions on node A, one after another (20 warm-up ones left out), from the call of "
                    + "extend() to the page listener's receipt (%s)", n, BenchReport.load());
            report.line("page on node A (same node): %s", same.format("ms"));
            report.line("page on node B (other node): %s", other.format("ms"));
            report.line("ratio B/A: p50 %.1f, p99 %.1f", other.p50() / same.p50(), other.p99() / same.p99());
        } finally {
            ClusterNodes.stop(b.context, a.context);
            report.save();
        }
    }

    @Test
    void ten_thousand_deadlines_spread_and_racing_over_two_nodes() {
        int n = BenchReport.intProperty("bench.sessions", 10_000);
        int lead = BenchReport.intProperty("bench.lead", 240);
        int window = BenchReport.intProperty("bench.window", 60);
        BenchReport report = new BenchReport("cluster-deadlines");
        Node a = Node.start("a", QUIET);
        Node b = Node.start("b", QUIET);
        try {
            for (boolean racing : new boolean[]{false, true}) {
                BenchData data = a.data();
                String type = data.callType(3600, List.of(20, 10), 0, 0, 300);
                List<String> ids = new ArrayList<>(n);
                for (int i = 0; i < n; i++) {
                    ids.add(data.call(type));
                }
                Instant t0 = Instant.now();
                long setup = System.nanoTime();
                Instant[] deadlines = new Instant[n];
                for (int i = 0; i < n; i++) {
                    Instant target = t0.plusSeconds(lead).plusNanos((long) (window * 1e9 * i / n));
                    int seconds = (int) Math.max(1, Math.ceil(Duration.between(Instant.now(), target).toNanos() / 1e9));
                    Node first = racing || i % 2 == 0 ? a : b;
                    deadlines[i] = first.timers().join(SPECIALIST_ACTOR, type, ids.get(i), seconds).session().timerEndsAt();
                    if (racing) {
                        b.timers().join(PATIENT_ACTOR, type, ids.get(i), null);
                    }
                }
                double setupSeconds = (System.nanoTime() - setup) / 1e9;
                Instant last = java.util.Arrays.stream(deadlines).max(Instant::compareTo).orElseThrow();
                long dueInSetup = java.util.Arrays.stream(deadlines).filter(d -> d.isBefore(Instant.now())).count();
                Instant giveUp = last.plusSeconds(60);
                while (Instant.now().isBefore(giveUp) && ended(a, type) < n) {
                    Cpu.awaitNanoTime(System.nanoTime() + 500_000_000L);
                }
                List<Double> late = new ArrayList<>();
                int duplicates = 0;
                int missed = 0;
                int early = 0;
                int byA = 0;
                for (int i = 0; i < n; i++) {
                    String cid = type + ":" + ids.get(i);
                    List<Instant> heard = new ArrayList<>();
                    heard.addAll(a.ends.heard.getOrDefault(cid, List.of()));
                    heard.addAll(b.ends.heard.getOrDefault(cid, List.of()));
                    if (heard.isEmpty()) {
                        missed++;
                        continue;
                    }
                    duplicates += heard.size() - 1;
                    byA += a.ends.heard.containsKey(cid) ? 1 : 0;
                    Instant firstHeard = heard.stream().min(Instant::compareTo).orElseThrow();
                    double ms = Duration.between(deadlines[i], firstHeard).toNanos() / 1e6;
                    early += ms < 0 ? 1 : 0;
                    late.add(ms);
                }
                long rows = ended(a, type);
                long auditEnds = new JdbcTemplate(a.context.getBean(javax.sql.DataSource.class)).queryForObject(
                        "select count(*) from audit_events where action = 'ended' and cid like ?", Long.class, type + ":%");
                report.line("%s: %d sessions (%s), started in %.1f s, deadlines over %d s from %d s after the start; "
                                + "%d fell due during the set-up (%s)",
                        racing ? "racing: every session runs on both nodes" : "spread: half the sessions run on each node",
                        n, racing ? "a page on node A and one on node B each" : "one page each", setupSeconds, window,
                        lead, dueInSetup, BenchReport.load());
                report.line("  end lateness (deadline to the published end): %s", Stats.of(late).format("ms"));
                report.line("  ended rows %d of %d; audit 'ended' entries %d; published ends: duplicates %d, missed %d, "
                        + "early %d; won by node A %d, by node B %d", rows, n, auditEnds, duplicates, missed, early, byA,
                        n - missed - byA);
            }
        } finally {
            ClusterNodes.stop(b.context, a.context);
            report.save();
        }
    }

    @Test
    void calls_of_a_node_that_stops_hard_end_on_the_other() {
        int n = BenchReport.intProperty("bench.failover", 200);
        BenchReport report = new BenchReport("cluster-failover");
        Node a = Node.start("a", "--logging.level.root=warn");
        Node b = Node.start("b", "--logging.level.root=warn");
        try {
            BenchData data = a.data();
            String type = data.callType(3600, List.of(20, 10), 0, 0, 300);
            List<String> ids = new ArrayList<>(n);
            for (int i = 0; i < n; i++) {
                ids.add(data.call(type));
            }
            Instant t0 = Instant.now().plusSeconds(30);
            Instant[] deadlines = new Instant[n];
            for (int i = 0; i < n; i++) {
                Instant target = t0.plusNanos((long) (20e9 * i / n));
                int seconds = (int) Math.ceil(Duration.between(Instant.now(), target).toNanos() / 1e9);
                deadlines[i] = a.timers().join(SPECIALIST_ACTOR, type, ids.get(i), seconds).session().timerEndsAt();
            }
            Instant killed = Instant.now();
            a.context.close();
            Instant last = java.util.Arrays.stream(deadlines).max(Instant::compareTo).orElseThrow();
            while (Instant.now().isBefore(last.plusSeconds(60)) && ended(b, type) < n) {
                Cpu.awaitNanoTime(System.nanoTime() + 500_000_000L);
            }
            List<Double> late = new ArrayList<>();
            int missed = 0;
            for (int i = 0; i < n; i++) {
                List<Instant> heard = b.ends.heard.get(type + ":" + ids.get(i));
                if (heard == null) {
                    missed++;
                    continue;
                }
                late.add(Duration.between(deadlines[i], heard.getFirst()).toNanos() / 1e6);
            }
            ClusterSettings settings = ClusterSettings.of(b.context);
            report.line("%d calls run by node A, due %.1f–%.1f s after node A stopped hard (its context closed "
                            + "without ending a call or closing a page); %s; %s", n,
                    Duration.between(killed, deadlines[0]).toMillis() / 1e3,
                    Duration.between(killed, last).toMillis() / 1e3, settings, BenchReport.load());
            report.line("  failover lateness (deadline to node B's published end): %s; missed %d", Stats.of(late)
                    .format("ms"), missed);
        } finally {
            ClusterNodes.stop(b.context, a.context);
            report.save();
        }
    }

    record ClusterSettings(String grace, String polling, String sweep, String presence) {
        static ClusterSettings of(ConfigurableApplicationContext node) {
            var env = node.getEnvironment();
            return new ClusterSettings(env.getProperty("careclock.cluster.backstop-grace", "2s (default)"),
                    env.getProperty("careclock.cluster.polling-interval", "1s (default)"),
                    env.getProperty("careclock.cluster.sweep-interval", "5s (default)"),
                    env.getProperty("careclock.session.presence-timeout"));
        }

        @Override
        public String toString() {
            return "backstop grace " + grace + ", polling " + polling + ", sweep " + sweep + ", presence timeout "
                    + presence;
        }
    }

    static long ended(Node node, String type) {
        return new JdbcTemplate(node.context.getBean(javax.sql.DataSource.class)).queryForObject(
                "select count(*) from calls where cid like ? and state = ?", Long.class, type + ":%",
                CallState.ENDED.name());
    }
}
