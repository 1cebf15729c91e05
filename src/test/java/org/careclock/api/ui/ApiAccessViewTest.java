package org.careclock.api.ui;

import com.vaadin.flow.component.UI;
import org.careclock.base.ui.ForbiddenAsNotFoundView;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Pre;
import com.vaadin.flow.component.textfield.PasswordField;
import com.vaadin.flow.component.textfield.TextField;
import org.careclock.testing.KaribuTest;
import org.junit.jupiter.api.Test;

import static com.github.mvysny.kaributesting.v10.LocatorJ._assertNone;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The test configuration sets the key and the secret, so the page shows the key and keeps the secret back. */
class ApiAccessViewTest extends KaribuTest {

    @Test
    void admin_sees_the_configured_key_but_not_the_configured_secret() {
        login("admin");
        UI.getCurrent().navigate("admin/api");
        _get(ApiAccessView.class);
        assertThat(_get(TextField.class, spec -> spec.withId("api-key")).getValue()).isEqualTo("test-api-key");
        _assertNone(PasswordField.class, spec -> spec.withId("api-secret"));
        assertThat(_get(Paragraph.class, spec -> spec.withId("api-origin")).getText())
                .contains("CARECLOCK_API_SECRET").contains("not shown");
        assertThat(_get(Pre.class, spec -> spec.withId("api-example")).getText())
                .contains("basePath").contains("'test-api-key'")
                .doesNotContain("test-api-secret-with-enough-length-0123456789");
    }

    @Test
    void the_page_explains_the_api_itself_instead_of_pointing_to_a_repository_file() {
        login("admin");
        UI.getCurrent().navigate("admin/api");
        String page = _get(ApiAccessView.class).getElement().getTextRecursively();
        assertThat(_get(com.vaadin.flow.component.html.UnorderedList.class, spec -> spec.withId("api-summary"))
                .getElement().getTextRecursively()).contains("/api/v2/users").contains("mark_ended");
        assertThat(page).doesNotContain("docs/api.md");
        assertThat(_get(Pre.class, spec -> spec.withId("api-example")).getClassNames()).contains("code-sample");
    }

    @Test
    void staff_and_patients_cannot_open_the_page() {
        for (String user : new String[] {"dr-lecter", "bill"}) {
            login(user);
            UI.getCurrent().navigate("admin/api");
        // Answered like an address nothing serves: no trace of the page.
        _get(ForbiddenAsNotFoundView.class);
            _assertNone(ApiAccessView.class);
        }
    }
}
