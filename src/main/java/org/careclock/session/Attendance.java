package org.careclock.session;

/** One open page of one user in one call; hand it back to leave, stay or report liveness. */
public record Attendance(long token, String cid, String userId) {
}
