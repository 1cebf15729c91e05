package org.careclock.testing;

import org.careclock.base.Actor;
import org.careclock.user.UserService;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.ActiveProfiles;

import java.util.concurrent.atomic.AtomicInteger;

/**
 * Base of tests that speak real HTTP to CareClock on a free port: the web server itself (its own
 * refusals, its error reports), every filter, the sign-in form and the pages as a browser gets
 * them, with virtual time. The server trusts forwarded headers from loopback
 * ({@code server.forward-headers-strategy=native}), so a test can act as a client behind a proxy
 * that terminated TLS, or as several client addresses.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "server.forward-headers-strategy=native")
@ActiveProfiles("test")
@Import(TestTime.class)
public abstract class WebTest {

    public static final String PASSWORD = SpringTest.PASSWORD;

    private static final AtomicInteger ids = new AtomicInteger();

    @LocalServerPort
    protected int port;
    @Autowired
    protected MutableClock clock;
    @Autowired
    protected UserService users;

    /** A fresh client with a cookie jar of its own (a browser). */
    protected Http http() {
        return new Http(port);
    }

    /** A fresh patient with the test password, so that no other test's attempts count against it. */
    protected String freshPatient(String prefix) {
        String id = prefix + "-" + ids.incrementAndGet() + "-" + Long.toString(System.nanoTime(), 36);
        users.provision(id, "Test " + id, "patient", PASSWORD);
        return id;
    }

    /** A client address no other test uses (sent as X-Forwarded-For, which the server trusts from loopback). */
    protected static String freshAddress() {
        int n = ids.incrementAndGet();
        return "10.77." + (n / 250 % 250) + "." + (n % 250 + 1);
    }

    protected Actor admin() {
        return Actor.user("admin", "admin");
    }
}
