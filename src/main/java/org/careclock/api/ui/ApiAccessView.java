package org.careclock.api.ui;

import com.vaadin.flow.component.html.Code;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.ListItem;
import com.vaadin.flow.component.html.Pre;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.html.UnorderedList;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.PasswordField;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.VaadinRequest;
import jakarta.annotation.security.RolesAllowed;
import org.careclock.api.ApiCredentials;
import org.careclock.base.CurrentUser;
import org.careclock.base.Roles;

/**
 * The server-side API's key and secret for administrators, with a short example. A generated
 * secret is shown (hidden until revealed); a configured one stays in the configuration.
 */
@Route("admin/api")
@RolesAllowed(Roles.ADMIN_AUTHORITY)
public class ApiAccessView extends VerticalLayout implements HasDynamicTitle {

    public ApiAccessView(ApiCredentials credentials, CurrentUser currentUser) {
        addClassName("page");
        setSpacing(false);
        ApiCredentials.Access access = credentials.access(currentUser.actor());

        add(new H2(getTranslation("api-access.title")));
        add(new Paragraph(getTranslation("api-access.intro")));

        TextField key = new TextField(getTranslation("api-access.key"));
        key.setId("api-key");
        key.setValue(access.key());
        key.setReadOnly(true);
        key.setWidthFull();
        add(key);

        if (access.generated()) {
            PasswordField secret = new PasswordField(getTranslation("api-access.secret"));
            secret.setId("api-secret");
            secret.setValue(access.generatedSecret());
            // Not read-only: a read-only field greys out its eye, which then looks disabled. What is
            // typed is put back at once; the secret itself never changes here.
            String generated = access.generatedSecret();
            secret.addValueChangeListener(e -> {
                if (e.isFromClient() && !generated.equals(e.getValue())) {
                    secret.setValue(generated);
                }
            });
            secret.setRevealButtonVisible(true);
            secret.setHelperText(getTranslation("api-access.secret-help"));
            secret.setWidthFull();
            add(secret);
            Paragraph origin = new Paragraph(getTranslation("api-access.generated", ApiCredentials.SECRET_MIN));
            origin.setId("api-origin");
            origin.addClassName("muted");
            add(origin);
        } else {
            Paragraph origin = new Paragraph(getTranslation("api-access.configured"));
            origin.setId("api-origin");
            origin.addClassName("muted");
            add(origin);
        }

        add(new H3(getTranslation("api-access.what")));
        UnorderedList what = new UnorderedList(
                new ListItem(new Code("POST /api/v2/video/calltypes"), new Span(", "), new Code("PUT …/calltypes/{name}"),
                        new Span(getTranslation("api-access.what.call-types"))),
                new ListItem(new Code("POST /api/v2/users"), new Span(getTranslation("api-access.what.users"))),
                new ListItem(new Code("POST /api/v2/video/call/{type}/{id}"), new Span(getTranslation("api-access.what.calls"))),
                new ListItem(new Code("PATCH …/call/{type}/{id}"), new Span(getTranslation("api-access.what.patch")),
                        new Code("…/go_live"), new Span(getTranslation("api-access.what.go-live")),
                        new Code("…/mark_ended"), new Span(getTranslation("api-access.what.end"))));
        what.setId("api-summary");
        add(what);
        add(new Paragraph(getTranslation("api-access.answers")));

        add(new H3(getTranslation("api-access.example")));
        add(new Paragraph(getTranslation("api-access.example-text")));
        Pre example = new Pre(String.join("\n",
                "import { StreamClient } from '@stream-io/node-sdk';",
                "",
                "const client = new StreamClient('" + access.key() + "', process.env.CARECLOCK_API_SECRET, {",
                "  basePath: '" + baseUrl() + "',",
                "});",
                "const call = client.video.call('appointment', 'test-call');",
                "await call.update({ settings_override: { limits: { max_duration_seconds: 5400 } } });",
                "console.log((await call.get()).call.session?.timer_ends_at);"));
        example.setId("api-example");
        example.addClassName("code-sample");
        add(example);
    }

    @Override
    public String getPageTitle() {
        return getTranslation("page.title", getTranslation("api-access.title"));
    }

    /** This server's address as the browser reached it. */
    private static String baseUrl() {
        VaadinRequest request = VaadinRequest.getCurrent();
        if (request == null || request.getHeader("Host") == null) {
            return "http://localhost:8080";
        }
        String scheme = request.isSecure() ? "https" : "http";
        return scheme + "://" + request.getHeader("Host") + request.getContextPath();
    }
}
