package org.careclock.demo;

import org.careclock.call.CallDetails;
import org.careclock.call.CallService;
import org.careclock.call.CallState;
import org.careclock.call.CallSessionStore;
import org.careclock.call.Cid;
import org.careclock.call.EndReason;
import org.careclock.call.NewCall;
import org.careclock.calltype.Backstage;
import org.careclock.calltype.Capability;
import org.careclock.calltype.CallTypeService;
import org.careclock.calltype.CallTypeSettings;
import org.careclock.base.Actor;
import org.careclock.base.Roles;
import org.careclock.user.UserService;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

import javax.sql.DataSource;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Demo users, call types and appointments, created at the first start — before the web server
 * takes requests. On by default on the embedded profile, off on the postgres profile unless
 * {@code careclock.demo.enabled=true} (CARECLOCK_DEMO_ENABLED). Several nodes may start together
 * on one database: each creates or renews the demo in one transaction that first locks the one row
 * of {@code demo_data} (a plain row lock, the same on PostgreSQL and H2), so the node that comes
 * second waits, then finds the demo created and the ended appointments already renewed. The
 * passwords are listed in the README; {@code careclock.demo.password}, when set, gives every demo
 * user that password instead (applied at every start).
 */
@Component
@ConditionalOnProperty(name = "careclock.demo.enabled", havingValue = "true")
class DemoData implements SmartInitializingSingleton {

    private static final Logger log = LoggerFactory.getLogger(DemoData.class);

    /** id, display name, role, README password. */
    static final List<List<String>> ACCOUNTS = List.of(
            List.of("admin", "Clinic Administrator", Roles.ADMIN, "admin-demo-2026"),
            List.of("dr-lecter", "Dr. Hannibal Lecter", Roles.SPECIALIST, "lecter-demo-2026"),
            List.of("bill", "Buffalo Bill", Roles.PATIENT, "bill-demo-2026"),
            List.of("clarice", "Clarice Starling", Roles.PATIENT, "clarice-demo-2026"));

    private final UserService users;
    private final CallTypeService types;
    private final CallService calls;
    private final CallSessionStore sessions;
    private final Clock clock;
    private final String demoPassword;
    private final JdbcTemplate jdbc;
    private final TransactionTemplate transaction;

    DemoData(UserService users, CallTypeService types, CallService calls, CallSessionStore sessions, Clock clock,
             @Value("${careclock.demo.password:}") String demoPassword, DataSource dataSource,
             TransactionTemplate transaction) {
        this.users = users;
        this.types = types;
        this.calls = calls;
        this.sessions = sessions;
        this.clock = clock;
        this.demoPassword = demoPassword;
        this.jdbc = new JdbcTemplate(dataSource);
        this.transaction = transaction;
    }

    @Override
    public void afterSingletonsInstantiated() {
        transaction.executeWithoutResult(status -> {
            // Held until this transaction ends: another node starting now waits here.
            Timestamp created = jdbc.queryForObject("select created_at from demo_data where id = 1 for update",
                    Timestamp.class);
            if (created == null) {
                create();
                jdbc.update("update demo_data set created_at = ? where id = 1", Timestamp.from(clock.instant()));
            } else {
                provisionAccounts(false);
                renewEnded();
            }
        });
    }

    /**
     * The demo accounts: at creation an account that does not exist yet gets its README password
     * (an existing one keeps its own); {@code careclock.demo.password} replaces every one's.
     */
    private void provisionAccounts(boolean creating) {
        for (List<String> a : ACCOUNTS) {
            boolean fresh = creating && !users.exists(a.get(0));
            String password = !demoPassword.isBlank() ? demoPassword : fresh ? a.get(3) : null;
            users.provision(a.get(0), a.get(1), a.get(2), password);
        }
    }

    private void create() {
        provisionAccounts(true);
        Actor admin = Actor.api();
        types.create(admin, appointmentType());
        types.create(admin, quickCheckType());

        Instant now = clock.instant();
        Instant today = now.truncatedTo(ChronoUnit.HOURS).plus(Duration.ofHours(1));
        // Ten minutes from now: its waiting room (open 15 minutes ahead) is open at once.
        Instant soon = now.truncatedTo(ChronoUnit.MINUTES).plus(Duration.ofMinutes(10));
        calls.create(admin, new NewCall("appointment", "test-call", "Initial consultation",
                List.of("dr-lecter", "bill"), "dr-lecter", soon, null));
        calls.create(admin, new NewCall("quick-check", "demo-quick", "Five-minute check-in",
                List.of("dr-lecter", "bill"), "dr-lecter", soon.plus(Duration.ofMinutes(20)), null));
        calls.create(admin, new NewCall("appointment", "follow-up", "Follow-up consultation",
                List.of("dr-lecter", "bill"), "dr-lecter", today.plus(Duration.ofDays(7)), null));
        calls.create(admin, new NewCall("appointment", "lab-review", "Lab results review",
                List.of("dr-lecter", "bill"), "dr-lecter", today.plus(Duration.ofDays(2)), 1800));
        calls.create(admin, new NewCall("appointment", "starling-intake", "Intake interview",
                List.of("dr-lecter", "clarice"), "dr-lecter", today.plus(Duration.ofDays(1)), null));

        Instant lastWeek = today.minus(Duration.ofDays(6));
        calls.create(admin, new NewCall("appointment", "first-visit", "First visit",
                List.of("dr-lecter", "bill"), "dr-lecter", lastWeek, null));
        var past = sessions.startIfNotRunning(Cid.of("appointment", "first-visit"), lastWeek, null, false);
        sessions.end(past.cid(), past.startedAt(), EndReason.TIMER_EXPIRED, past.timerEndsAt());
        log.info("Demo data created: users {}, appointment:test-call and more (passwords in the README)",
                ACCOUNTS.stream().map(a -> a.get(0)).toList());
    }

    /**
     * The demo is meant to be tried more than once: for each try-it-now appointment whose latest
     * instance has ended, a fresh one (same type, title and people; id {@code test-call-2},
     * {@code test-call-3}, …) is scheduled ten minutes from now.
     */
    void renewEnded() {
        Actor admin = Actor.api();
        Instant soon = clock.instant().truncatedTo(ChronoUnit.MINUTES).plus(Duration.ofMinutes(10));
        for (String cid : RENEWED) {
            String type = cid.substring(0, cid.indexOf(':'));
            String base = cid.substring(cid.indexOf(':') + 1);
            CallDetails latest = null;
            int n = 1;
            for (int i = 1; ; i++) {
                var found = calls.findVisible(admin, type, i == 1 ? base : base + "-" + i);
                if (found.isEmpty()) {
                    break;
                }
                latest = found.get();
                n = i;
            }
            if (latest == null || latest.state() != CallState.ENDED) {
                continue;
            }
            String id = base + "-" + (n + 1);
            calls.create(admin, new NewCall(type, id, latest.title(), latest.members(), latest.createdBy(), soon,
                    latest.maxDurationOverride()));
            log.info("Demo appointment {}:{} had ended: {}:{} is scheduled in its place", type, latest.id(), type, id);
        }
    }

    /** The demo appointments a visitor tries at once; each is renewed once it has ended. */
    static final List<String> RENEWED = List.of("appointment:test-call", "quick-check:demo-quick");

    /**
     * The seed's one-hour type as a clinic runs it: the seed's grants, plus a waiting room that
     * opens 15 minutes ahead, which specialists start (join-backstage).
     */
    static CallTypeSettings appointmentType() {
        Set<Capability> patient = EnumSet.of(Capability.JOIN_CALL, Capability.SEND_AUDIO, Capability.SEND_VIDEO);
        Set<Capability> specialist = EnumSet.copyOf(patient);
        specialist.add(Capability.UPDATE_CALL);
        specialist.add(Capability.UPDATE_CALL_SETTINGS);
        specialist.add(Capability.JOIN_BACKSTAGE);
        specialist.add(Capability.END_CALL);
        return CallTypeSettings.defaults("appointment", 3600)
                .withGrants(Map.of(Roles.SPECIALIST, specialist, Roles.PATIENT, patient))
                .withBackstage(new Backstage(true, 900));
    }

    /** A five-minute type to watch the whole timer run (alerts at 2 min and 30 s). */
    static CallTypeSettings quickCheckType() {
        Set<Capability> patient = EnumSet.of(Capability.JOIN_CALL, Capability.SEND_AUDIO, Capability.SEND_VIDEO);
        Set<Capability> specialist = EnumSet.copyOf(patient);
        specialist.addAll(EnumSet.of(Capability.UPDATE_CALL, Capability.UPDATE_CALL_SETTINGS, Capability.END_CALL,
                Capability.JOIN_BACKSTAGE));
        return new CallTypeSettings("quick-check", 300, Map.of(Roles.SPECIALIST, specialist, Roles.PATIENT, patient),
                List.of(120, 30), List.of(60, 300), 120, 30, 120, CallTypeSettings.DEFAULT_MAX_PARTICIPANTS,
                new Backstage(true, 3600));
    }
}
