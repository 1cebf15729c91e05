package org.careclock.session.ui;

import com.github.mvysny.kaributesting.v10.MockVaadin;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import org.careclock.base.Actor;
import org.careclock.base.Roles;
import org.careclock.base.ui.Countdown;
import org.careclock.call.CallService;
import org.careclock.call.CallState;
import org.careclock.call.NewCall;
import org.careclock.calltype.Backstage;
import org.careclock.calltype.Capability;
import org.careclock.calltype.CallTypeService;
import org.careclock.session.BackstageService;
import org.careclock.session.Waiting;
import org.careclock.testing.KaribuTest;
import org.careclock.testing.TestCallTypes;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import java.time.Duration;
import java.time.Instant;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static com.github.mvysny.kaributesting.v10.LocatorJ._assertNone;
import static com.github.mvysny.kaributesting.v10.LocatorJ._click;
import static com.github.mvysny.kaributesting.v10.LocatorJ._find;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.assertj.core.api.Assertions.assertThat;

/** The waiting room, the clinician's waiting list and Start button, and opening times, browserless. */
class WaitingRoomViewTest extends KaribuTest {

    @Autowired CallTypeService types;
    @Autowired CallService calls;
    @Autowired BackstageService backstage;

    String type;
    String id;
    Instant startsAt;

    @BeforeEach
    void createCall() {
        type = freshId("wr");
        types.create(Actor.api(), TestCallTypes.withWaitingRoom(type, 3600, 600));
        id = freshId("visit");
        startsAt = clock.instant().plus(Duration.ofMinutes(5));
        calls.create(Actor.api(), new NewCall(type, id, "Check-up", List.of("dr-lecter", "bill"), "dr-lecter", startsAt, null));
    }

    static Component byId(String id) {
        return _get(Component.class, spec -> spec.withId(id));
    }

    void open(String user) {
        login(user);
        UI.getCurrent().navigate("call/" + type + "/" + id);
    }

    @Test
    void a_patient_waits_without_a_countdown_and_is_let_in_when_the_clinician_starts() {
        open("bill");
        WaitingRoomPanel room = (WaitingRoomPanel) byId("waiting-room");
        assertThat(room.getElement().getAttribute("data-noticed")).isEqualTo("false");
        assertThat(byId("call-subtitle").getElement().getText()).as("who they wait for, and when it is booked")
                .startsWith("With Dr. Hannibal Lecter · booked for");
        _assertNone(Countdown.class);
        assertThat(backstage.waiting(actor("dr-lecter"), type, id)).extracting(Waiting::userId).containsExactly("bill");

        Runnable watch = backstage.watch(actor("dr-lecter"), type, id);
        MockVaadin.clientRoundtrip(false);
        assertThat(room.getElement().getAttribute("data-noticed")).as("the clinician's page shows them").isEqualTo("true");
        watch.run();

        backstage.goLive(actor("dr-lecter"), type, id);
        MockVaadin.clientRoundtrip(false);
        Countdown countdown = (Countdown) byId("countdown");
        assertThat(countdown.endsAtMillis()).isEqualTo(clock.instant().plusSeconds(3600).toEpochMilli());
        assertThat(_find(Component.class, spec -> spec.withId("waiting-room"))).isEmpty();
    }

    @Test
    void the_clinician_sees_who_waits_and_starts_the_appointment() {
        String cid = type + ":" + id;
        backstage.arrive(actor("bill"), type, id);
        open("dr-lecter");
        byId("backstage");
        assertThat(byId("waiting-bill").getElement().getTextRecursively()).contains("Buffalo Bill is waiting · since");
        _assertNone(Countdown.class);

        _click(_get(Button.class, spec -> spec.withId("go-live")));
        MockVaadin.clientRoundtrip(false);
        assertThat(calls.getVisible(Actor.api(), type, id).state()).isEqualTo(CallState.IN_PROGRESS);
        assertThat(((Countdown) byId("countdown")).endsAtMillis()).isEqualTo(clock.instant().plusSeconds(3600).toEpochMilli());
        assertThat(backstage.waiting(actor("dr-lecter"), type, id)).isEmpty();
        assertThat(cid).isNotBlank();
    }

    @Test
    void before_it_opens_the_list_says_when_and_the_page_shows_no_waiting_room_yet() {
        String later = freshId("later");
        Instant laterStart = clock.instant().plus(Duration.ofHours(2));
        calls.create(Actor.api(), new NewCall(type, later, "Later", List.of("dr-lecter", "bill"), "dr-lecter", laterStart, null));
        login("bill");
        UI.getCurrent().navigate("");
        String joinId = "join-" + type + "-" + later;
        OpensAt opens = _find(OpensAt.class).stream()
                .filter(o -> !_find(o, Button.class, spec -> spec.withId(joinId)).isEmpty()).findFirst().orElseThrow();
        assertThat(opens.getElement().getAttribute("data-opens-at"))
                .isEqualTo(String.valueOf(laterStart.minusSeconds(600).toEpochMilli()));
        assertThat(opens.getElement().getTextRecursively()).contains("opens at");

        UI.getCurrent().navigate("call/" + type + "/" + later);
        assertThat(byId("waiting-room").getElement().getAttribute("data-opens-at"))
                .isEqualTo(String.valueOf(laterStart.minusSeconds(600).toEpochMilli()));
        assertThat(backstage.waiting(actor("dr-lecter"), type, later)).as("not on the list before it opens").isEmpty();
    }

    @Test
    void the_clinicians_list_shows_who_is_waiting_live() {
        login("dr-lecter");
        UI.getCurrent().navigate("");
        Component note = byId("waiting-note-" + type + "-" + id);
        assertThat(note.getElement().getText()).isEqualTo("Nobody is waiting yet");
        backstage.arrive(actor("bill"), type, id);
        MockVaadin.clientRoundtrip(false);
        assertThat(byId("waiting-note-" + type + "-" + id).getElement().getText()).startsWith("Buffalo Bill is waiting · since");
    }

    @Test
    void a_call_opening_on_another_day_says_which_day() {
        String tomorrow = freshId("tomorrow");
        calls.create(Actor.api(), new NewCall(type, tomorrow, "Tomorrow", List.of("dr-lecter", "bill"), "dr-lecter",
                clock.instant().plus(Duration.ofDays(1)), null));
        login("bill");
        UI.getCurrent().navigate("");
        String joinId = "join-" + type + "-" + tomorrow;
        OpensAt opens = _find(OpensAt.class).stream()
                .filter(o -> !_find(o, Button.class, spec -> spec.withId(joinId)).isEmpty()).findFirst().orElseThrow();
        assertThat(opens.getElement().getTextRecursively()).as("not a bare time that reads as today")
                .doesNotContain("opens at").contains("opens Tue 3 Mar, ");
    }
}
