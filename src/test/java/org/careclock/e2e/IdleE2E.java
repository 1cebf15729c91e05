package org.careclock.e2e;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.assertions.LocatorAssertions;
import org.careclock.call.CallState;
import org.careclock.call.EndReason;
import org.careclock.base.Actor;
import org.careclock.session.SessionView;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.regex.Pattern;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Scenario 8: a participant left alone. The call type's idle timeout is 8 s with a 4 s prompt,
 * so the stay-or-leave question comes after 4 s alone and the call ends 4 s later without an answer.
 */
class IdleE2E extends BrowserTestBase {

    private static final int IDLE = 8;
    private static final int PROMPT = 4;
    private static final long PROMPT_AFTER_MS = (IDLE - PROMPT) * 1_000L;
    private static final long LATE_MS = 2_000;

    @Test
    void a_lone_participant_who_stays_keeps_the_call_and_silence_ends_it() {
        scene("s08-idle-stay-then-silence");
        String type = newCallType(600, List.of(60), List.of(60), IDLE, PROMPT, 30);
        String id = newCall(type, "Waiting for the patient", "dr-lecter", "bill");
        Visitor lecter = signedIn("dr-lecter");
        Locator dialog = lecter.byId("idle-dialog");

        lecter.openCall(type, id);
        long joinedAt = System.currentTimeMillis();
        assertThat(lecter.byId("participants")).hasAttribute("data-count", "1");
        assertThat(dialog).isHidden();

        // After idle - prompt seconds alone: "You are the only participant. Stay / Leave".
        assertThat(dialog).isVisible(visibleWithin(PROMPT_AFTER_MS + LATE_MS + 2_000));
        long askedAt = System.currentTimeMillis();
        report("scenario 8: the idle prompt came %d ms after joining alone (configured: %d ms)",
                askedAt - joinedAt, PROMPT_AFTER_MS);
        assertThat(askedAt - joinedAt).as("ms alone before the prompt").isBetween(PROMPT_AFTER_MS - 1_000,
                PROMPT_AFTER_MS + LATE_MS + 1_000);
        assertThat(dialog).containsText("You are the only participant");
        assertThat(lecter.byId("idle-stay")).isVisible();
        assertThat(lecter.byId("idle-leave")).isVisible();
        assertThat(lecter.byId("idle-countdown")).hasText(Pattern.compile("^00:0[1-4]$"));
        lecter.screenshot(shotName("1-prompt"));

        // Stay: the dialog goes, the call goes on, and the alone period starts again.
        lecter.byId("idle-stay").click();
        long stayedAt = System.currentTimeMillis();
        assertThat(dialog).isHidden();
        assertThat(lecter.countdown()).isVisible();
        assertThat(lecter.page).hasURL(Pattern.compile(".*/call/" + type + "/" + id + "$"));
        assertThat(timers.view(Actor.api(), type, id).idlePrompt()).isNull();
        assertThat(call(type, id).state()).isEqualTo(CallState.IN_PROGRESS);
        lecter.screenshot(shotName("2-stayed"));

        assertThat(dialog).isVisible(visibleWithin(PROMPT_AFTER_MS + LATE_MS + 2_000));
        long askedAgainAt = System.currentTimeMillis();
        assertThat(askedAgainAt - stayedAt).as("ms after Stay before the prompt comes back")
                .isBetween(PROMPT_AFTER_MS - 1_000, PROMPT_AFTER_MS + LATE_MS + 1_000);
        SessionView.IdlePrompt prompt = timers.view(Actor.api(), type, id).idlePrompt();
        assertThat(prompt).isNotNull();
        assertThat(prompt.userId()).isEqualTo("dr-lecter");
        long answerBy = prompt.answerBy().toEpochMilli();

        // No answer: the call ends with IDLE_TIMEOUT when the prompt's time is up.
        lecter.page.waitForURL(Pattern.compile(".*/call/" + type + "/" + id + "/ended$"),
                new Page.WaitForURLOptions().setTimeout(until(answerBy + LATE_MS + 2_000)));
        long endedAt = System.currentTimeMillis();
        report("scenario 8: with no answer the call ended %+d ms from the prompt's deadline", endedAt - answerBy);
        assertThat(endedAt - answerBy).isBetween(-250L, LATE_MS + 1_000);
        assertThat(lecter.byId("call-ended")).hasAttribute("data-reason", "IDLE_TIMEOUT");
        lecter.screenshot(shotName("3-ended"));
        assertThat(call(type, id).endReason()).isEqualTo(EndReason.IDLE_TIMEOUT);
    }

    @Test
    void someone_joining_cancels_the_prompt_and_leave_leaves() {
        scene("s08-idle-cancelled");
        String type = newCallType(600, List.of(60), List.of(60), IDLE, PROMPT, 30);
        String id = newCall(type, "Patient arrives late", "dr-lecter", "bill");
        Visitor lecter = signedIn("dr-lecter");
        Visitor bill = signedIn("bill");
        Locator dialog = lecter.byId("idle-dialog");

        lecter.openCall(type, id);
        assertThat(dialog).isVisible(visibleWithin(PROMPT_AFTER_MS + LATE_MS + 2_000));
        long answerBy = timers.view(Actor.api(), type, id).idlePrompt().answerBy().toEpochMilli();
        lecter.screenshot(shotName("1-prompt"));

        // The patient joins: the prompt disappears from the specialist's page at once.
        bill.openCall(type, id);
        assertThat(dialog).isHidden(new LocatorAssertions.IsHiddenOptions().setTimeout(Visitor.PUSH.toMillis()));
        assertThat(lecter.byId("participants")).hasAttribute("data-count", "2");
        assertThat(bill.byId("idle-dialog")).isHidden();
        assertThat(timers.view(Actor.api(), type, id).idlePrompt()).isNull();
        screenshot("2-joined", lecter, bill);

        // The cancelled prompt's deadline passes (time passing is the point) and the call goes on.
        lecter.page.waitForTimeout(until(answerBy + 1_500));
        for (Visitor v : List.of(lecter, bill)) {
            assertThat(v.page).hasURL(Pattern.compile(".*/call/" + type + "/" + id + "$"));
            assertThat(v.countdown()).isVisible();
            assertThat(v.byId("idle-dialog")).isHidden();
        }
        assertThat(call(type, id).state()).isEqualTo(CallState.IN_PROGRESS);

        // The patient leaves; alone again, the specialist is asked and chooses Leave.
        bill.byId("leave-call").click();
        bill.page.waitForURL(Pattern.compile(".*/$"));
        assertThat(lecter.byId("participants")).hasAttribute("data-count", "1");
        assertThat(dialog).isVisible(visibleWithin(PROMPT_AFTER_MS + LATE_MS + 2_000));
        lecter.byId("idle-leave").click();
        lecter.page.waitForURL(Pattern.compile(".*/$"));
        assertThat(lecter.byId("join-" + type + "-" + id)).isVisible();
        lecter.screenshot(shotName("3-left"));
        assertThat(timers.present(type + ":" + id)).isEmpty();
        assertThat(call(type, id).state()).as("leaving is not ending").isEqualTo(CallState.IN_PROGRESS);
    }

    private static LocatorAssertions.IsVisibleOptions visibleWithin(long ms) {
        return new LocatorAssertions.IsVisibleOptions().setTimeout(ms);
    }
}
