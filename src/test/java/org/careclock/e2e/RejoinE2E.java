package org.careclock.e2e;

import com.microsoft.playwright.Page;
import org.careclock.call.CallDetails;
import org.careclock.call.CallState;
import org.careclock.call.EndReason;
import org.careclock.base.Actor;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.regex.Pattern;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Scenario 9: leaving and coming back within the empty timeout continues the same session with
 * the same deadline (no fresh timer by leaving); staying away longer ends it. Also presence as
 * only a browser shows it: a second tab counts once, and a closed tab leaves promptly.
 */
class RejoinE2E extends BrowserTestBase {

    private static final int EMPTY = 10;

    @Test
    void leaving_and_rejoining_within_the_empty_timeout_keeps_the_same_deadline() {
        scene("s09-rejoin");
        String type = newCallType(120, List.of(30), List.of(60), 0, 0, EMPTY);
        String id = newCall(type, "Come back soon", "dr-lecter", "bill");
        String cid = type + ":" + id;
        Visitor lecter = signedIn("dr-lecter");
        Visitor bill = signedIn("bill");

        lecter.openCall(type, id);
        bill.openCall(type, id);
        long deadline = lecter.endsAt();
        Instant startedAt = call(type, id).session().startedAt();
        assertThat(bill.endsAt()).isEqualTo(deadline);

        // Both leave: the session is empty but still running.
        bill.byId("leave-call").click();
        bill.page.waitForURL(Pattern.compile(".*/$"));
        assertThat(lecter.byId("participants")).hasAttribute("data-count", "1");
        lecter.byId("leave-call").click();
        lecter.page.waitForURL(Pattern.compile(".*/$"));
        long emptyFrom = System.currentTimeMillis();
        assertThat(timers.present(cid)).isEmpty();
        assertThat(call(type, id).state()).isEqualTo(CallState.IN_PROGRESS);

        // The list shows it in progress, counting down to the same deadline.
        assertThat(bill.page.locator("[data-cid='" + cid + "'] careclock-countdown"))
                .hasAttribute("data-ends-at", String.valueOf(deadline));
        long listRemaining = ((Number) bill.page.evaluate("cid => document.querySelector("
                + "`[data-cid='${cid}'] careclock-countdown`).remainingMs()", cid)).longValue();
        assertThat(Math.abs(listRemaining - (deadline - System.currentTimeMillis())))
                .as("the list's countdown shows the server's remaining time").isLessThanOrEqualTo(1_000);
        bill.screenshot(shotName("1-list-while-empty"));

        // Back within the empty timeout: the same session, the same deadline.
        bill.joinFromList(type, id);
        lecter.joinFromList(type, id);
        long rejoined = System.currentTimeMillis();
        assertThat(rejoined - emptyFrom).as("rejoined within the empty timeout")
                .isLessThan(EMPTY * 1_000L);
        for (Visitor v : List.of(lecter, bill)) {
            assertThat(v.countdown()).hasAttribute("data-ends-at", String.valueOf(deadline));
            assertThat(v.byId("participants")).hasAttribute("data-count", "2");
        }
        CallDetails again = call(type, id);
        assertThat(again.session().startedAt()).isEqualTo(startedAt);
        assertThat(again.session().timerEndsAt().toEpochMilli()).isEqualTo(deadline);
        screenshot("2-rejoined", lecter, bill);

        // Away for longer than the empty timeout: the call ends as empty, and stays ended.
        bill.byId("leave-call").click();
        bill.page.waitForURL(Pattern.compile(".*/$"));
        lecter.byId("leave-call").click();
        lecter.page.waitForURL(Pattern.compile(".*/$"));
        awaitServer("the empty call ends", Duration.ofSeconds(EMPTY + 5),
                () -> call(type, id).state() == CallState.ENDED);
        assertThat(call(type, id).endReason()).isEqualTo(EndReason.EMPTY_TIMEOUT);
        bill.open("/call/" + type + "/" + id + "/ended");
        assertThat(bill.byId("call-ended")).hasAttribute("data-reason", "EMPTY_TIMEOUT");
        bill.open("/call/" + type + "/" + id);
        assertThat(bill.byId("call-problem")).hasText("You cannot join this appointment");
        bill.screenshot(shotName("3-empty-ended"));
    }

    @Test
    void a_second_tab_counts_once_and_a_closed_tab_leaves_promptly() {
        scene("presence-tabs");
        String type = newCallType(600, List.of(60), List.of(60), 0, 0, 60);
        String id = newCall(type, "Two tabs", "dr-lecter", "bill");
        String cid = type + ":" + id;
        Visitor lecter = signedIn("dr-lecter");
        Visitor bill = signedIn("bill");
        lecter.openCall(type, id);
        bill.openCall(type, id);

        Page second = bill.context.newPage();
        second.navigate(bill.url("/call/" + type + "/" + id));
        assertThat(second.locator("#countdown")).isVisible();
        assertThat(second.locator("#participants")).hasAttribute("data-count", "2");
        assertThat(lecter.byId("participants")).hasAttribute("data-count", "2");

        second.close(new Page.CloseOptions().setRunBeforeUnload(true));
        assertThat(bill.byId("participants")).hasAttribute("data-count", "2");
        assertThat(timers.present(cid)).hasSize(2);

        long closedAt = System.currentTimeMillis();
        bill.page.close(new Page.CloseOptions().setRunBeforeUnload(true));
        assertThat(lecter.byId("participants")).hasAttribute("data-count", "1");
        report("presence: a closed tab left the call after %d ms", System.currentTimeMillis() - closedAt);
        assertThat(timers.present(cid)).extracting(p -> p.userId()).containsExactly("dr-lecter");
        lecter.screenshot(shotName("closed"));
        assertThat(call(type, id).state()).isEqualTo(CallState.IN_PROGRESS);
        assertThat(timers.view(Actor.api(), type, id).timerEndsAt().toEpochMilli()).isEqualTo(lecter.endsAt());
    }
}
