package org.careclock.api.ui;

import com.vaadin.flow.component.html.Code;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Pre;
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
            secret.setReadOnly(true);
            secret.setRevealButtonVisible(true);
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
        add(example);
        Paragraph more = new Paragraph();
        more.add("The endpoints, the errors and a curl example are described in the project's ");
        more.add(new Code("docs/api.md"));
        more.add(".");
        add(more);
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
