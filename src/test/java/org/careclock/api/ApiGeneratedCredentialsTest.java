package org.careclock.api;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.textfield.PasswordField;
import com.vaadin.flow.component.textfield.TextField;
import org.careclock.api.ui.ApiAccessView;
import org.careclock.base.RefusedException;
import org.careclock.base.Actor;
import org.careclock.testing.KaribuTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.web.context.WebApplicationContext;


import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.security.test.web.servlet.setup.SecurityMockMvcConfigurers.springSecurity;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** A portal started without configured credentials: it generates a pair, stores it and shows it to admins. */
@TestPropertySource(properties = {"careclock.api.key=", "careclock.api.secret="})
@ExtendWith(OutputCaptureExtension.class)
class ApiGeneratedCredentialsTest extends KaribuTest {

    @Autowired
    private ApiCredentials credentials;
    @Autowired
    private ApiCredentialRepository stored;
    @Autowired
    private TransactionTemplate transactions;
    @Autowired
    private WebApplicationContext context;

    @Test
    void a_random_pair_is_generated_and_stored() {
        ApiCredentials.Access access = credentials.access(Actor.api());
        assertThat(access.generated()).isTrue();
        assertThat(access.key()).hasSize(ApiCredentials.KEY_LENGTH).isNotEqualTo("test-api-key");
        assertThat(access.generatedSecret()).hasSize(ApiCredentials.SECRET_LENGTH).matches("[A-Za-z0-9]+");
        ApiCredential row = stored.findById(ApiCredential.SINGLE_ROW).orElseThrow();
        assertThat(row.apiKey()).isEqualTo(access.key());
        assertThat(row.apiSecret()).isEqualTo(access.generatedSecret());
    }

    @Test
    void requests_signed_with_the_generated_pair_are_served() throws Exception {
        MockMvc mvc = MockMvcBuilders.webAppContextSetup(context).apply(springSecurity()).build();
        ApiCredentials.Access access = credentials.access(Actor.api());
        String token = TestTokens.server(access.generatedSecret());
        mvc.perform(get("/api/v2/video/calltypes/appointment").queryParam("api_key", access.key())
                .header("Authorization", token)).andExpect(status().isOk());
        mvc.perform(get("/api/v2/video/calltypes/appointment").queryParam("api_key", "test-api-key")
                .header("Authorization", ApiTestSupport.serverToken())).andExpect(status().isUnauthorized());
    }

    @Test
    void a_later_start_uses_the_stored_pair_and_does_not_print_the_secret_again(CapturedOutput output) {
        ApiCredentials.Access first = credentials.access(Actor.api());
        int before = output.getAll().length();
        ApiCredentials restarted = new ApiCredentials(new ApiProperties("", ""), stored, transactions, clock);
        restarted.run(null);
        ApiCredentials.Access again = restarted.access(Actor.api());
        assertThat(again.key()).isEqualTo(first.key());
        assertThat(again.generatedSecret()).isEqualTo(first.generatedSecret());
        assertThat(output.getAll().substring(before)).contains("using the stored generated credentials")
                .doesNotContain(first.generatedSecret());
    }

    @Test
    void only_administrators_see_the_pair() {
        assertThatThrownBy(() -> credentials.access(actor("dr-lecter"))).isInstanceOf(RefusedException.class);
        assertThatThrownBy(() -> credentials.access(null)).isInstanceOf(RefusedException.class);
    }

    @Test
    void admin_page_shows_the_generated_pair() {
        ApiCredentials.Access access = credentials.access(Actor.api());
        login("admin");
        UI.getCurrent().navigate("admin/api");
        _get(ApiAccessView.class);
        assertThat(_get(TextField.class, spec -> spec.withId("api-key")).getValue()).isEqualTo(access.key());
        assertThat(_get(PasswordField.class, spec -> spec.withId("api-secret")).getValue())
                .isEqualTo(access.generatedSecret());
    }

    @Test
    void the_secret_can_be_revealed_but_not_changed_on_the_page() {
        ApiCredentials.Access access = credentials.access(Actor.api());
        login("admin");
        UI.getCurrent().navigate("admin/api");
        PasswordField secret = _get(PasswordField.class, spec -> spec.withId("api-secret"));
        assertThat(secret.isReadOnly()).as("a read-only field greys out its reveal button").isFalse();
        assertThat(secret.isRevealButtonVisible()).isTrue();
        com.github.mvysny.kaributesting.v10.LocatorJ._setValue(secret, "typed over");
        assertThat(secret.getValue()).isEqualTo(access.generatedSecret());
    }
}
