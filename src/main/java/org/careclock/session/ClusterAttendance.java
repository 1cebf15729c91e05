package org.careclock.session;

import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Several nodes: each page's row in {@code attendance}, written by the node that serves it.
 * Each statement commits on its own, before the node publishes the change, so another node that
 * hears the change reads it.
 */
@Component
@ConditionalOnProperty(name = "careclock.cluster.enabled", havingValue = "true")
class ClusterAttendance implements SharedAttendance {

    private final JdbcTemplate jdbc;
    private final ClusterNode node;

    ClusterAttendance(JdbcTemplate jdbc, ClusterNode node) {
        this.jdbc = jdbc;
        this.node = node;
    }

    @Override
    public long nextToken() {
        return jdbc.queryForObject("select nextval('attendance_tokens')", Long.class);
    }

    @Override
    public void opened(CallRuntime.Page page, String displayName) {
        jdbc.update("insert into attendance (token, cid, node, user_id, display_name, may_audio, may_video, audio_on, "
                        + "video_on, last_seen) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                page.attendance.token(), page.attendance.cid(), node.id(), page.attendance.userId(), displayName,
                page.mayAudio, page.mayVideo, page.audioOn, page.videoOn, Timestamp.from(page.lastSeen));
    }

    @Override
    public void closed(long token) {
        jdbc.update("delete from attendance where token = ?", token);
    }

    @Override
    public void seen(long token, Instant at) {
        jdbc.update("update attendance set last_seen = ? where token = ?", Timestamp.from(at), token);
    }

    @Override
    public void switched(CallRuntime.Page page) {
        jdbc.update("update attendance set audio_on = ?, video_on = ? where token = ?", page.audioOn, page.videoOn,
                page.attendance.token());
    }

    @Override
    public List<PageElsewhere> elsewhere(String cid, Instant aliveSince) {
        return jdbc.query("select token, user_id, display_name, may_audio, may_video, audio_on, video_on, last_seen "
                        + "from attendance where cid = ? and node <> ? and last_seen >= ? order by token",
                (rs, n) -> new PageElsewhere(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getBoolean(4),
                        rs.getBoolean(5), rs.getBoolean(6), rs.getBoolean(7), rs.getTimestamp(8).toInstant()),
                cid, node.id(), Timestamp.from(aliveSince));
    }

    @Override
    public int expire(String cid, Instant aliveSince) {
        return jdbc.update("delete from attendance where cid = ? and node <> ? and last_seen < ?", cid, node.id(),
                Timestamp.from(aliveSince));
    }

    @Override
    public Set<String> attendedCalls(Instant aliveSince) {
        return new HashSet<>(jdbc.queryForList("select distinct cid from attendance where last_seen >= ?", String.class,
                Timestamp.from(aliveSince)));
    }
}
