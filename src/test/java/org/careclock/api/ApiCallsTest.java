package org.careclock.api;

import org.careclock.audit.AuditEntry;
import org.careclock.audit.AuditService;
import org.careclock.base.RefusedException;
import org.careclock.call.CallDetails;
import org.careclock.call.CallService;
import org.careclock.call.CallState;
import org.careclock.call.EndReason;
import org.careclock.call.NewCall;
import org.careclock.base.Actor;
import org.careclock.session.SessionEvent;
import org.careclock.session.SessionEvents;
import org.careclock.session.SessionTimerService;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.nullValue;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

class ApiCallsTest extends ApiTestSupport {

    private static final String ISO_INSTANT = "\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}(\\.\\d+)?Z";
    private static final String MEMBERS = "{\"data\":{\"members\":[{\"user_id\":\"dr-lecter\"},{\"user_id\":\"bill\"}],"
            + "\"created_by_id\":\"dr-lecter\"}}";

    @Autowired
    private CallService calls;
    @Autowired
    private SessionTimerService sessions;
    @Autowired
    private SessionEvents sessionEvents;
    @Autowired
    private AuditService audit;

    private static String path(String id) {
        return "/api/v2/video/call/appointment/" + id;
    }

    private String scheduledCall() {
        String id = freshId("api");
        calls.create(Actor.api(), new NewCall("appointment", id, null, List.of("dr-lecter", "bill"), "dr-lecter", null, null));
        return id;
    }

    @Test
    void creating_a_call_makes_it_appear_in_its_members_lists() throws Exception {
        String id = freshId("api");
        apiPost(path(id), MEMBERS)
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.created").value(true))
                .andExpect(jsonPath("$.call.cid").value("appointment:" + id))
                .andExpect(jsonPath("$.call.type").value("appointment"))
                .andExpect(jsonPath("$.call.id").value(id))
                .andExpect(jsonPath("$.call.created_by.id").value("dr-lecter"))
                .andExpect(jsonPath("$.call.created_by.name").value("Dr. Hannibal Lecter"))
                .andExpect(jsonPath("$.call.created_at", matchesPattern(ISO_INSTANT)))
                .andExpect(jsonPath("$.call.settings.limits.max_duration_seconds").value(3600))
                .andExpect(jsonPath("$.call.session").value(nullValue()))
                .andExpect(jsonPath("$.call.ended_at").value(nullValue()))
                .andExpect(jsonPath("$.call.state").value("SCHEDULED"))
                .andExpect(jsonPath("$.members[*].user_id", contains("dr-lecter", "bill")))
                .andExpect(jsonPath("$.members[1].role").value("patient"))
                .andExpect(jsonPath("$.own_capabilities", hasItem("change-max-duration")));
        assertThat(calls.listMine(actor("bill"))).extracting(CallDetails::id).contains(id);
        assertThat(calls.listMine(actor("clarice"))).extracting(CallDetails::id).doesNotContain(id);
    }

    @Test
    void creating_an_existing_call_answers_it_unchanged() throws Exception {
        String id = scheduledCall();
        apiPost(path(id), "{\"data\":{\"members\":[{\"user_id\":\"clarice\"}]}}")
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.created").value(false))
                .andExpect(jsonPath("$.members[*].user_id", contains("dr-lecter", "bill")));
        assertThat(calls.getVisible(Actor.api(), "appointment", id).members()).containsExactly("dr-lecter", "bill");
        apiPost(path(id), null).andExpect(status().isOk()).andExpect(jsonPath("$.created").value(false));
    }

    @Test
    void call_can_carry_a_start_and_its_own_duration() throws Exception {
        String id = freshId("api");
        apiPost(path(id), """
                {"data":{"members":[{"user_id":"bill"}],"starts_at":"2026-03-03T10:00:00+01:00",
                 "settings_override":{"limits":{"max_duration_seconds":1800}}}}""")
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.call.starts_at").value("2026-03-03T09:00:00Z"))
                .andExpect(jsonPath("$.call.settings.limits.max_duration_seconds").value(1800))
                .andExpect(jsonPath("$.call.created_by").value(nullValue()));
        CallDetails call = calls.getVisible(Actor.api(), "appointment", id);
        assertThat(call.scheduledStart()).isEqualTo(Instant.parse("2026-03-03T09:00:00Z"));
        assertThat(call.maxDurationOverride()).isEqualTo(1800);
    }

    @Test
    void bad_call_input_is_refused_naming_the_field_and_nothing_is_created() throws Exception {
        String id = freshId("api");
        assertError(apiPost(path(id), "{\"data\":{\"members\":[{\"user_id\":\"bill\"},{\"user_id\":\"nobody\"}]}}"),
                400, 4, "data.members[1].user_id names the unknown user nobody");
        assertError(apiPost(path(id), "{\"data\":{\"created_by_id\":\"nobody\"}}"), 400, 4, "data.created_by_id");
        assertError(apiPost(path(id), "{\"data\":{\"starts_at\":\"tomorrow\"}}"), 400, 4, "data.starts_at");
        assertError(apiPost(path(id), "{\"data\":{\"settings_override\":{\"limits\":{\"max_duration_seconds\":-1}}}}"),
                400, 4, "data.settings_override.limits.max_duration_seconds");
        assertError(apiPost(path(id), "{\"data\":{\"settings_override\":{\"limits\":{\"max_duration_seconds\":86401}}}}"),
                400, 4, "data.settings_override.limits.max_duration_seconds");
        assertError(apiPost(path(id), "{\"data\":{\"custom\":{\"a\":1}}}"), 400, 4, "data.custom");
        assertError(apiPost(path(id), "{\"data\":{\"members\":\"bill\"}}"), 400, 4, "data.members must be an array");
        assertError(apiPost(path(id), "{\"data\":"), 400, 4, "not valid JSON");
        assertThat(calls.findVisible(Actor.api(), "appointment", id)).isEmpty();
        assertError(apiPost("/api/v2/video/call/appointment/not.valid", MEMBERS), 400, 4, "id");
    }

    @Test
    void unknown_type_or_call_is_not_found() throws Exception {
        assertError(apiPost("/api/v2/video/call/no-such-type/x1", MEMBERS), 404, 16, "no-such-type");
        assertError(apiGet(path("no-such-call")), 404, 16, "not found");
        assertError(apiPatch(path("no-such-call"), "{\"settings_override\":{\"limits\":{\"max_duration_seconds\":60}}}"),
                404, 16, "not found");
        assertError(apiPost(path("no-such-call") + "/mark_ended", null), 404, 16, "not found");
    }

    @Test
    void get_answers_the_call() throws Exception {
        String id = scheduledCall();
        apiGet(path(id)).andExpect(status().isOk())
                .andExpect(jsonPath("$.call.cid").value("appointment:" + id))
                .andExpect(jsonPath("$.created").doesNotExist())
                .andExpect(jsonPath("$.members[0].user.name").value("Dr. Hannibal Lecter"));
    }

    @Test
    void patch_on_a_scheduled_call_sets_its_next_session_budget() throws Exception {
        String id = scheduledCall();
        apiPatch(path(id), "{\"settings_override\":{\"limits\":{\"max_duration_seconds\":5400}}}")
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.call.settings.limits.max_duration_seconds").value(5400));
        assertThat(calls.getVisible(Actor.api(), "appointment", id).maxDurationOverride()).isEqualTo(5400);
        var joined = goLiveAndJoin(id);
        assertThat(joined.session().timerEndsAt()).isEqualTo(joined.session().startedAt().plusSeconds(5400));
        sessions.end(Actor.api(), "appointment", id);
    }

    @Test
    void patch_on_a_running_call_moves_the_deadline_for_every_page_and_is_audited() throws Exception {
        String id = scheduledCall();
        String cid = "appointment:" + id;
        var joined = goLiveAndJoin(id);
        Instant started = joined.session().startedAt();
        List<SessionEvent> pushed = new CopyOnWriteArrayList<>();
        try (var subscription = sessionEvents.subscribe(cid, pushed::add)) {
            scheduler.advance(Duration.ofSeconds(20)); // within the page's presence timeout
            apiPatch(path(id), "{\"settings_override\":{\"limits\":{\"max_duration_seconds\":5400}}}")
                    .andExpect(status().isOk())
                    .andExpect(jsonPath("$.call.state").value("IN_PROGRESS"))
                    .andExpect(jsonPath("$.call.settings.limits.max_duration_seconds").value(5400))
                    .andExpect(jsonPath("$.call.session.started_at").value(started.toString()))
                    .andExpect(jsonPath("$.call.session.timer_ends_at").value(started.plusSeconds(5400).toString()))
                    .andExpect(jsonPath("$.call.session.participants[0].user_id").value("dr-lecter"));
            assertThat(pushed).anySatisfy(e -> assertThat(e).isInstanceOfSatisfying(SessionEvent.DeadlineChanged.class,
                    d -> {
                        assertThat(d.oldEndsAt()).isEqualTo(started.plusSeconds(3600));
                        assertThat(d.newEndsAt()).isEqualTo(started.plusSeconds(5400));
                        assertThat(d.actor()).isEqualTo("api");
                    }));
        }
        assertThat(audit.ofCall(Actor.api(), cid)).anySatisfy(e -> {
            assertThat(e.actor()).isEqualTo("api");
            assertThat(e.action()).isEqualTo("deadline-changed");
            assertThat(e.newEndsAt()).isEqualTo(started.plusSeconds(5400));
        });
        CallDetails stored = calls.getVisible(Actor.api(), "appointment", id);
        assertThat(stored.state()).isEqualTo(CallState.IN_PROGRESS);
        assertThat(stored.session().timerEndsAt()).isEqualTo(started.plusSeconds(5400));
        sessions.end(Actor.api(), "appointment", id);
    }

    @Test
    void bad_patch_is_refused_and_the_deadline_stays() throws Exception {
        String id = scheduledCall();
        var joined = goLiveAndJoin(id);
        Instant deadline = joined.session().timerEndsAt();
        scheduler.advance(Duration.ofSeconds(20)); // within the page's presence timeout
        assertError(apiPatch(path(id), "{\"settings_override\":{\"limits\":{\"max_duration_seconds\":-1}}}"),
                400, 4, "settings_override.limits.max_duration_seconds");
        assertError(apiPatch(path(id), "{\"settings_override\":{\"limits\":{\"max_duration_seconds\":90001}}}"),
                400, 4, "settings_override.limits.max_duration_seconds");
        assertError(apiPatch(path(id), "{\"settings_override\":{\"limits\":{\"max_duration_seconds\":\"60\"}}}"),
                400, 4, "settings_override.limits.max_duration_seconds must be a whole number");
        assertError(apiPatch(path(id), "{\"settings_override\":{\"limits\":{\"max_duration_seconds\":15}}}"),
                400, 4, "at or before now");
        assertError(apiPatch(path(id), "{\"starts_at\":\"2026-03-03T10:00:00Z\"}"), 400, 4, "starts_at");
        assertError(apiPatch(path(id), "{\"settings_override\":"), 400, 4, "not valid JSON");
        assertThat(calls.getVisible(Actor.api(), "appointment", id).session().timerEndsAt()).isEqualTo(deadline);
        sessions.end(Actor.api(), "appointment", id);
    }

    @Test
    void mark_ended_ends_a_running_call_for_everyone() throws Exception {
        String id = scheduledCall();
        String cid = "appointment:" + id;
        goLiveAndJoin(id);
        List<SessionEvent> pushed = new CopyOnWriteArrayList<>();
        try (var subscription = sessionEvents.subscribe(cid, pushed::add)) {
            apiPost(path(id) + "/mark_ended", null)
                    .andExpect(status().isOk())
                    .andExpect(jsonPath("$.call.state").value("ENDED"))
                    .andExpect(jsonPath("$.call.end_reason").value("ENDED_BY_USER"))
                    .andExpect(jsonPath("$.call.ended_at", matchesPattern(ISO_INSTANT)))
                    .andExpect(jsonPath("$.call.session.timer_ends_at").value(nullValue()));
        }
        assertThat(pushed).anySatisfy(e -> assertThat(e).isInstanceOf(SessionEvent.CallEnded.class));
        assertThat(audit.ofCall(Actor.api(), cid)).extracting(AuditEntry::action).contains("ended");
        assertThat(sessions.present(cid)).isEmpty();
    }

    @Test
    void mark_ended_closes_a_call_that_never_started() throws Exception {
        String id = scheduledCall();
        String cid = "appointment:" + id;
        apiPost(path(id) + "/mark_ended", "{}")
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.call.state").value("ENDED"))
                .andExpect(jsonPath("$.call.ended_at").value(clock.instant().toString()))
                .andExpect(jsonPath("$.call.session").value(nullValue()));
        assertThat(audit.ofCall(Actor.api(), cid)).anySatisfy(e -> {
            assertThat(e.action()).isEqualTo("ended");
            assertThat(e.actor()).isEqualTo("api");
        });
        assertThat(calls.getVisible(Actor.api(), "appointment", id).endReason()).isEqualTo(EndReason.ENDED_BY_USER);
        assertThatThrownBy(() -> sessions.join(actor("bill"), "appointment", id, null))
                .isInstanceOf(RefusedException.class);
    }

    @Test
    void mark_ended_again_answers_the_ended_call_unchanged() throws Exception {
        String id = scheduledCall();
        apiPost(path(id) + "/mark_ended", null).andExpect(status().isOk());
        Instant endedAt = calls.getVisible(Actor.api(), "appointment", id).endedAt();
        scheduler.advance(Duration.ofMinutes(5));
        apiPost(path(id) + "/mark_ended", null)
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.call.ended_at").value(endedAt.toString()));
        assertThat(audit.ofCall(Actor.api(), "appointment:" + id)).filteredOn(e -> e.action().equals("ended")).hasSize(1);
        assertError(apiPost(path(id) + "/mark_ended", "{\"reason\":\"x\"}"), 400, 4, "reason");
    }

    /** The demo's appointment type has a waiting room: the API starts the call (go_live), then the doctor joins. */
    SessionTimerService.Joined goLiveAndJoin(String id) throws Exception {
        apiPost(path(id) + "/go_live", "")
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.call.backstage").value(false))
                .andExpect(jsonPath("$.call.state").value("IN_PROGRESS"));
        return sessions.join(actor("dr-lecter"), "appointment", id, null);
    }
}
