package org.careclock.call;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.OrderColumn;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import org.careclock.calltype.Backstage;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;

@Entity
@Table(name = "calls")
class Call {

    @Id
    private String cid;

    @Column(name = "call_type", nullable = false)
    private String type;

    @Column(name = "call_id", nullable = false)
    private String callId;

    @Column(name = "title")
    private String title;

    @Column(name = "created_by")
    private String createdBy;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    @Column(name = "scheduled_start")
    private Instant scheduledStart;

    @Column(name = "max_duration_override")
    private Integer maxDurationOverride;

    @Column(name = "backstage_override")
    private Boolean backstageOverride;

    @Column(name = "join_ahead_override")
    private Integer joinAheadOverride;

    @Enumerated(EnumType.STRING)
    @Column(name = "state", nullable = false)
    private CallState state;

    @Column(name = "session_started_at")
    private Instant sessionStartedAt;

    @Column(name = "session_max_duration_seconds")
    private Integer sessionMaxDurationSeconds;

    @Column(name = "timer_ends_at")
    private Instant timerEndsAt;

    @Column(name = "empty_since")
    private Instant emptySince;

    @Column(name = "ended_at")
    private Instant endedAt;

    @Enumerated(EnumType.STRING)
    @Column(name = "end_reason")
    private EndReason endReason;

    @ElementCollection(fetch = FetchType.EAGER)
    @CollectionTable(name = "call_members", joinColumns = @JoinColumn(name = "cid"))
    @OrderColumn(name = "position")
    @Column(name = "user_id")
    private List<String> members = new ArrayList<>();

    @Version
    private long version;

    protected Call() {
    }

    Call(String type, String callId, String createdBy, Instant createdAt) {
        this.cid = Cid.of(type, callId);
        this.type = type;
        this.callId = callId;
        this.createdBy = createdBy;
        this.createdAt = createdAt;
        this.state = CallState.SCHEDULED;
    }

    String cid() {
        return cid;
    }

    String type() {
        return type;
    }

    CallState state() {
        return state;
    }

    List<String> members() {
        return members;
    }

    Integer maxDurationOverride() {
        return maxDurationOverride;
    }

    Instant sessionStartedAt() {
        return sessionStartedAt;
    }

    Integer sessionMaxDurationSeconds() {
        return sessionMaxDurationSeconds;
    }

    Instant timerEndsAt() {
        return timerEndsAt;
    }

    void describe(String title, Instant scheduledStart) {
        this.title = title;
        this.scheduledStart = scheduledStart;
    }

    void setMembers(List<String> userIds) {
        members.clear();
        members.addAll(userIds);
    }

    void setMaxDurationOverride(Integer seconds) {
        this.maxDurationOverride = seconds;
    }

    /** This call's own waiting room, instead of its type's; null keeps the type's. */
    void setBackstageOverride(Backstage backstage) {
        this.backstageOverride = backstage == null ? null : backstage.enabled();
        this.joinAheadOverride = backstage == null ? null : backstage.joinAheadTimeSeconds();
    }

    void startSession(Instant now, int maxDurationSeconds) {
        state = CallState.IN_PROGRESS;
        // The column keeps microseconds; the system clock has nanoseconds. Keeping the stored value
        // here lets the guarded end (which matches on the start) find the session it ends.
        sessionStartedAt = now.truncatedTo(ChronoUnit.MICROS);
        endedAt = null;
        endReason = null;
        emptySince = null;
        setSessionMax(maxDurationSeconds);
    }

    void setSessionMax(int maxDurationSeconds) {
        sessionMaxDurationSeconds = maxDurationSeconds;
        timerEndsAt = maxDurationSeconds > 0 ? sessionStartedAt.plusSeconds(maxDurationSeconds) : null;
    }

    void setEmptySince(Instant since) {
        this.emptySince = since;
    }

    void end(EndReason reason, Instant at) {
        state = CallState.ENDED;
        endReason = reason;
        endedAt = at;
        emptySince = null;
    }

    CallDetails toDetails(int typeMaxDurationSeconds, Backstage typeBackstage) {
        Backstage backstage = backstageOverride == null ? typeBackstage
                : new Backstage(backstageOverride, joinAheadOverride == null ? 0 : joinAheadOverride);
        return new CallDetails(cid, type, callId, title, createdBy, createdAt, scheduledStart, List.copyOf(members),
                maxDurationOverride, state, toSession(typeMaxDurationSeconds), endedAt, endReason, backstage);
    }

    SessionRecord toSession(int typeMaxDurationSeconds) {
        int effective = sessionMaxDurationSeconds != null && state == CallState.IN_PROGRESS ? sessionMaxDurationSeconds
                : maxDurationOverride != null ? maxDurationOverride : typeMaxDurationSeconds;
        return new SessionRecord(cid, type, state, sessionStartedAt, effective, state == CallState.IN_PROGRESS ? timerEndsAt : null,
                emptySince, endedAt, endReason);
    }
}
