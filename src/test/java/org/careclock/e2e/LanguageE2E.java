package org.careclock.e2e;

import com.microsoft.playwright.Page;
import org.careclock.base.Actor;
import org.careclock.user.UserService;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import java.util.regex.Pattern;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

/** The header's language menu: the page shows again in German, says so in {@code <html lang>}, and stays German. */
class LanguageE2E extends BrowserTestBase {

    @Autowired UserService users;

    @AfterEach
    void backToTheBrowsersLanguage() {
        users.setLanguage(Actor.api(), "clarice", null);
    }

    @Test
    void a_patient_picks_german_and_finds_it_again_at_the_next_sign_in() {
        scene("s13-language");
        Visitor clarice = signedIn("clarice");
        assertThat(clarice.page.locator("html")).hasAttribute("lang", "en");

        clarice.byId("language").click();
        clarice.page.getByRole(com.microsoft.playwright.options.AriaRole.OPTION,
                new Page.GetByRoleOptions().setName("Deutsch")).click();
        assertThat(clarice.page.locator("h2", new Page.LocatorOptions().setHasText("Meine Termine"))).isVisible();
        assertThat(clarice.page.locator("html")).hasAttribute("lang", "de");
        assertThat(clarice.byId("join-appointment-starling-intake")).containsText("Teilnehmen");
        clarice.screenshot(shotName("german"));

        clarice.byId("sign-out").click();
        clarice.page.waitForURL(Pattern.compile(".*/login.*"));
        assertThat(clarice.page.locator("html")).hasAttribute("lang", "en");
        clarice.submitSignIn("clarice", PASSWORD);
        assertThat(clarice.page.locator("h2", new Page.LocatorOptions().setHasText("Meine Termine"))).isVisible();
        assertThat(clarice.page.locator("html")).hasAttribute("lang", "de");
        assertThat(clarice.page).hasTitle("Meine Termine · CareClock");
    }
}
