package org.careclock.session;

/** One open waiting-room page of one user; hand it back to leave or to report liveness. */
public record WaitingTicket(long token, String cid, String userId) {
}
