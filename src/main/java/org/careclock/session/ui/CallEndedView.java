package org.careclock.session.ui;

import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.router.RouterLink;
import jakarta.annotation.security.PermitAll;
import org.careclock.base.NotFoundException;
import org.careclock.call.CallDetails;
import org.careclock.call.CallService;
import org.careclock.call.CallState;
import org.careclock.call.EndReason;
import org.careclock.base.CurrentUser;

/** Where participants land when a call ends: the reason, and the way back. */
@Route("call/:type/:id/ended")
@PermitAll
public class CallEndedView extends VerticalLayout implements BeforeEnterObserver, HasDynamicTitle {

    private final CallService calls;
    private final CurrentUser currentUser;

    public CallEndedView(CallService calls, CurrentUser currentUser) {
        this.calls = calls;
        this.currentUser = currentUser;
        addClassNames("page", "ended-view");
    }

    @Override
    public String getPageTitle() {
        return getTranslation("page.title", getTranslation("ended.title"));
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        removeAll();
        String type = event.getRouteParameters().get("type").orElse("");
        String id = event.getRouteParameters().get("id").orElse("");
        CallDetails call;
        try {
            call = calls.getVisible(currentUser.actor(), type, id);
        } catch (NotFoundException e) {
            add(new H2(getTranslation("call.not-found")), back());
            return;
        }
        if (call.state() != CallState.ENDED) {
            add(new H2(call.displayName()), new Paragraph(getTranslation("ended.not-ended")),
                    new RouterLink(getTranslation("ended.open"), CallView.class,
                            new com.vaadin.flow.router.RouteParameters(java.util.Map.of("type", type, "id", id))),
                    back());
            return;
        }
        EndReason reason = call.endReason();
        Div marker = new Div();
        marker.setId("call-ended");
        marker.getElement().setAttribute("data-reason", reason == null ? "" : reason.name());
        marker.add(VaadinIcon.CLOCK.create());
        H2 heading = new H2(getTranslation("ended.title"));
        Paragraph name = new Paragraph(call.displayName());
        name.addClassName("muted");
        Paragraph why = new Paragraph(getTranslation(reason == null ? "ended.text" : "end-reason." + reason.name()));
        why.addClassName("reason");
        if (reason == EndReason.TIMER_EXPIRED) {
            why.setId("session-alert");
            why.getElement().setAttribute("role", "alert");
        }
        marker.add(heading, name, why);
        add(marker, back());
    }

    private RouterLink back() {
        return new RouterLink(getTranslation("call.back"), AppointmentsView.class);
    }
}
