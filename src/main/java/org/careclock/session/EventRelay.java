package org.careclock.session;

/**
 * Carries a call's events to the other nodes of a cluster. One node's pages hear its own events
 * from {@link SessionEvents} directly; a relay sends each to the others, which hand it to their
 * pages only (each node's application listeners, such as the audit log, hear only what that node
 * did, so nothing is recorded twice).
 */
interface EventRelay {

    void send(SessionEvent event);
}
