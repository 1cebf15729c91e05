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
import com.vaadin.flow.router.PageTitle;
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
@PageTitle("API access · CareClock")
@RolesAllowed(Roles.ADMIN_AUTHORITY)
public class ApiAccessView extends VerticalLayout {

    public ApiAccessView(ApiCredentials credentials, CurrentUser currentUser) {
        addClassName("page");
        setSpacing(false);
        ApiCredentials.Access access = credentials.access(currentUser.actor());

        add(new H2("API access"));
        add(new Paragraph("Scripts and other servers set up roles, call types, users and appointments, and change "
                + "or end calls, through CareClock's JSON API under /api/v2. Every request carries the API key "
                + "as the api_key query parameter and, in the Authorization header, a token signed with the "
                + "API secret. Keep the secret as safe as an administrator's password."));

        TextField key = new TextField("API key");
        key.setId("api-key");
        key.setValue(access.key());
        key.setReadOnly(true);
        key.setWidthFull();
        add(key);

        if (access.generated()) {
            PasswordField secret = new PasswordField("API secret");
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
            secret.setHelperText("Press the eye to show it; select it to copy.");
            secret.setWidthFull();
            add(secret);
            Paragraph origin = new Paragraph("CareClock generated this pair at its first start. To use your own, "
                    + "set CARECLOCK_API_KEY and CARECLOCK_API_SECRET (at least " + ApiCredentials.SECRET_MIN
                    + " characters) and restart.");
            origin.setId("api-origin");
            origin.addClassName("muted");
            add(origin);
        } else {
            Paragraph origin = new Paragraph("The key and the secret come from the server's configuration "
                    + "(CARECLOCK_API_KEY and CARECLOCK_API_SECRET); the secret is not shown here.");
            origin.setId("api-origin");
            origin.addClassName("muted");
            add(origin);
        }

        add(new H3("What the API does"));
        UnorderedList what = new UnorderedList(
                new ListItem(new Code("POST /api/v2/video/calltypes"), new Span(", "), new Code("PUT …/calltypes/{name}"),
                        new Span(": create and change call types (durations in seconds, grants per role).")),
                new ListItem(new Code("POST /api/v2/users"), new Span(": create or update users and their roles "
                        + "(passwords are set on the Users page, not through the API).")),
                new ListItem(new Code("POST /api/v2/video/call/{type}/{id}"), new Span(": schedule an appointment "
                        + "(members, start, its own duration); GET reads it.")),
                new ListItem(new Code("PATCH …/call/{type}/{id}"), new Span(" changes a call's duration, also while it "
                        + "runs; "), new Code("…/go_live"), new Span(" starts a call with a waiting room; "),
                        new Code("…/mark_ended"), new Span(" ends it for everyone.")));
        what.setId("api-summary");
        add(what);
        add(new Paragraph("Answers are JSON. A refused request answers with a 4xx status, an error code and a "
                + "message that says what to fix."));

        add(new H3("Example"));
        add(new Paragraph("With the Node SDK the setup scripts use (npm package @stream-io/node-sdk), point "
                + "basePath at this server:"));
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
