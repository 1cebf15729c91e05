package org.careclock.session;

/** What a signalling message between two media pages carries. */
public enum SignalKind {
    /** A session description offering (or renegotiating) the connection. */
    OFFER,
    /** The answer to an offer. */
    ANSWER,
    /** One ICE candidate (or the end of candidates). */
    CANDIDATE
}
