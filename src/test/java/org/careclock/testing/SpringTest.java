package org.careclock.testing;

import org.careclock.base.Actor;
import org.careclock.user.UserService;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.ActiveProfiles;

/**
 * Base of tests against the real application context and database (an in-memory H2 per
 * context), with virtual time. Demo data is loaded; every demo user's password is
 * {@link #PASSWORD}. Tests share the context: each makes its own calls with fresh ids.
 */
@SpringBootTest
@ActiveProfiles("test")
@Import(TestTime.class)
public abstract class SpringTest {

    public static final String PASSWORD = "test-pass-1";

    @Autowired
    protected MutableClock clock;
    @Autowired
    protected VirtualScheduler scheduler;
    @Autowired
    protected UserService users;

    protected Actor actor(String userId) {
        return users.find(userId).map(u -> Actor.user(u.id(), u.role()))
                .orElseThrow(() -> new IllegalArgumentException("no user " + userId));
    }

    private static final java.util.concurrent.atomic.AtomicInteger ids = new java.util.concurrent.atomic.AtomicInteger();

    /** A call id no other test uses. */
    protected static String freshId(String prefix) {
        return prefix + "-" + ids.incrementAndGet() + "-" + Long.toString(System.nanoTime(), 36);
    }
}
