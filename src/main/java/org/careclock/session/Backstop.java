package org.careclock.session;

import java.time.Instant;

/**
 * The durable side of a call's deadline. The node that runs a call ends it on time from memory;
 * with several nodes a durable entry, due shortly after the deadline, lets another node end it
 * when that node is gone. On one node there is nothing to back up: a restart recovers the calls
 * from the database.
 */
interface Backstop {

    /** The session of {@code cid} now ends at {@code endsAt} (null: no time limit). */
    void deadline(String cid, Instant endsAt);

    /** The session of {@code cid} ended: its backstop is not needed. */
    void ended(String cid);

    /** One node: nothing to back up. */
    Backstop NONE = new Backstop() {
        @Override
        public void deadline(String cid, Instant endsAt) {
        }

        @Override
        public void ended(String cid) {
        }
    };
}
