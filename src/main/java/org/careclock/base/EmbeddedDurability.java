package org.careclock.base;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.stereotype.Component;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Locale;

/**
 * What CareClock acknowledges is on disk before the answer leaves, on the embedded H2 too.
 *
 * <p>H2 (2.x, MVStore) keeps committed changes in memory and writes them from a background
 * thread {@code WRITE_DELAY} milliseconds later (500 by default), so a process killed within
 * that half second loses changes it had already confirmed. With a write delay of 0 every commit
 * writes its chunk to the file before the commit returns (H2's {@code TransactionStore} commits
 * the store synchronously when the auto-commit delay is 0). The default URL asks for it
 * ({@code ;WRITE_DELAY=0}); this guard sets it at start on any H2 file database, so a URL given
 * without it is durable as well (the setting is stored in the database file).
 *
 * <p>What holds: a change survives the process being killed at any moment after it was
 * acknowledged. What does not: H2 does not force the file to the disk at each commit (no
 * {@code fsync}), so a power loss or a kernel crash can lose the last changes the operating
 * system had not yet written; the file itself stays consistent (H2 finds its last complete
 * chunk). Where that matters, run on PostgreSQL, which syncs its write-ahead log at every
 * commit by default ({@code synchronous_commit=on}, {@code fsync=on}).
 */
@Component
class EmbeddedDurability implements SmartInitializingSingleton {

    private static final Logger log = LoggerFactory.getLogger(EmbeddedDurability.class);

    private final DataSource dataSource;

    EmbeddedDurability(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    @Override
    public void afterSingletonsInstantiated() {
        try (Connection connection = dataSource.getConnection()) {
            DatabaseMetaData meta = connection.getMetaData();
            if (!isH2File(meta.getDatabaseProductName(), meta.getURL())) {
                return;
            }
            try (Statement statement = connection.createStatement()) {
                statement.execute("SET WRITE_DELAY 0");
            }
            log.info("Embedded H2 database: every commit is written to the file before it is acknowledged (WRITE_DELAY 0)");
        } catch (SQLException e) {
            throw new IllegalStateException("Could not make the embedded database write each commit at once", e);
        }
    }

    /** An H2 database kept in a file (not in memory). */
    static boolean isH2File(String product, String url) {
        String u = url == null ? "" : url.toLowerCase(Locale.ROOT);
        return "H2".equalsIgnoreCase(product) && !u.startsWith("jdbc:h2:mem:") && !u.contains(":mem:");
    }
}
