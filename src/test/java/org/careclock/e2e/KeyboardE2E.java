package org.careclock.e2e;

import com.microsoft.playwright.assertions.LocatorAssertions;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The main flows with the keyboard alone — sign in, join from the list, extend, dismiss an alert,
 * answer "stay or leave", end the call — and every control reached shows that it has the focus
 * (Lumo's focus ring). No mouse click anywhere in this class.
 */
class KeyboardE2E extends BrowserTestBase {

    static final int MAX_TABS = 40;

    /** Presses Tab until the element with {@code id} (or something inside it) has the focus. */
    static void tabTo(Visitor v, String id) {
        List<String> seen = new ArrayList<>();
        for (int i = 0; i < MAX_TABS; i++) {
            v.page.keyboard().press("Tab");
            String focused = focusedId(v);
            seen.add(focused);
            if (id.equals(focused)) {
                assertThat(v.page.evaluate("id => { const e = document.getElementById(id);"
                        + " return e.hasAttribute('focus-ring') || e.matches(':focus-visible')"
                        + " || !!e.querySelector(':focus-visible'); }", id))
                        .as(id + " shows that it has the focus").isEqualTo(true);
                return;
            }
        }
        throw new AssertionError("Tab never reached #" + id + "; it went through " + seen);
    }

    /** The id of the focused element, or of the nearest element with an id around it. */
    static String focusedId(Visitor v) {
        return (String) v.page.evaluate("() => { let e = document.activeElement;"
                + " while (e && e.shadowRoot && e.shadowRoot.activeElement) e = e.shadowRoot.activeElement;"
                + " const withId = e && (e.id ? e : e.closest('[id]'));"
                + " if (withId) return withId.id;"
                + " const host = e && e.getRootNode && e.getRootNode().host; return host ? host.id : null; }");
    }

    @Test
    void sign_in_join_extend_dismiss_stay_and_end_with_the_keyboard_only() {
        String type = newCallType(40, List.of(38), List.of(60), 20, 8, 300);
        String id = newCall(type, "Keyboard check", "dr-lecter", "bill");
        Visitor doctor = visitor("dr-lecter");

        // Sign in: the name field has the focus on arrival; Tab to the password, Enter submits.
        doctor.open("/login");
        doctor.page.locator("input[name=username]").waitFor();
        doctor.page.keyboard().type("dr-lecter");
        doctor.page.keyboard().press("Tab");
        doctor.page.keyboard().type(PASSWORD);
        doctor.page.keyboard().press("Enter");
        assertThat(doctor.page.locator("h2", new com.microsoft.playwright.Page.LocatorOptions()
                .setHasText("My appointments"))).isVisible();

        // Join from the list.
        tabTo(doctor, "join-" + type + "-" + id);
        doctor.page.keyboard().press("Enter");
        doctor.awaitInCall();

        // The alert 38 s before the end, 2 s after the join: dismiss it.
        LocatorAssertions.IsVisibleOptions soon = new LocatorAssertions.IsVisibleOptions().setTimeout(20_000);
        assertThat(doctor.byId("session-alert")).isVisible(soon);
        tabTo(doctor, "dismiss-alert");
        doctor.page.keyboard().press("Enter");
        assertThat(doctor.byId("session-alert")).isHidden();

        // Extend by a minute.
        String before = doctor.countdown().getAttribute("data-ends-at");
        tabTo(doctor, "extend-60");
        doctor.page.keyboard().press("Enter");
        assertThat(doctor.countdown()).not().hasAttribute("data-ends-at", before);

        // Alone for idle − prompt seconds: the dialog takes the focus; Stay with the keyboard.
        assertThat(doctor.byId("idle-dialog")).isVisible(soon);
        assertThat(doctor.page.waitForFunction("() => { let e = document.activeElement;"
                + " while (e && e.shadowRoot && e.shadowRoot.activeElement) e = e.shadowRoot.activeElement;"
                + " return !!(e && e.closest && e.closest('vaadin-dialog-overlay, [role=dialog], #idle-dialog')); }")
                .jsonValue()).as("the dialog has the focus").isEqualTo(true);
        tabTo(doctor, "idle-stay");
        doctor.page.keyboard().press("Enter");
        assertThat(doctor.byId("idle-dialog")).isHidden();

        // End the call for everyone, confirming in the dialog.
        tabTo(doctor, "end-call");
        doctor.page.keyboard().press("Enter");
        assertThat(doctor.byId("confirm-end-call")).isVisible();
        tabTo(doctor, "confirm-end-call");
        doctor.page.keyboard().press("Enter");
        assertThat(doctor.byId("call-ended")).isVisible();
        assertThat(doctor.page).hasURL(Pattern.compile(".*/call/" + type + "/" + id + "/ended$"));
    }
}
