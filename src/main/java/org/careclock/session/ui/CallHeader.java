package org.careclock.session.ui;

import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import org.careclock.base.ui.BrowserTime;
import org.careclock.base.ui.Durations;
import org.careclock.call.CallDetails;

import java.time.ZoneId;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The call page's title and "With Dr. Hannibal Lecter · booked for 14:00, 1 h": people and
 * times, not type names (administrators also see the type and id, muted). The same on the
 * waiting room, the clinician's backstage and the call.
 */
class CallHeader extends Div {

    private final H2 heading = new H2();
    private final Paragraph subtitle = new Paragraph();
    private final Span typeHint = new Span();
    private final String viewer;
    private final Function<String, String> names;
    private CallDetails call;
    private ZoneId zone = ZoneId.systemDefault();

    /** {@code viewer}: the signed-in user (left out of "with"); {@code names}: a user id's display name. */
    CallHeader(String viewer, boolean admin, Function<String, String> names) {
        this.viewer = viewer;
        this.names = names;
        heading.setId("call-title");
        subtitle.setId("call-subtitle");
        subtitle.addClassName("muted");
        typeHint.addClassNames("cell-sub", "type-hint");
        typeHint.setVisible(admin);
        addClassName("call-header");
        add(heading, subtitle, typeHint);
    }

    void show(CallDetails shown) {
        this.call = shown;
        heading.setText(shown.displayName());
        typeHint.setText(shown.type() + " · " + shown.id());
        subtitle.setText(subtitle());
    }

    void setZone(ZoneId zone) {
        this.zone = zone;
        if (call != null) {
            subtitle.setText(subtitle());
        }
    }

    private String subtitle() {
        String others = call.members().stream().filter(m -> !m.equals(viewer)).map(names)
                .collect(Collectors.joining(", "));
        StringBuilder out = new StringBuilder(others.isEmpty() ? getTranslation("people.only-you")
                : getTranslation("people.with", others));
        if (call.scheduledStart() != null) {
            out.append(" · ").append(getTranslation("call-header.booked", BrowserTime.time(call.scheduledStart(), zone)));
        }
        int budget = call.session().maxDurationSeconds();
        out.append(", ").append(budget > 0 ? Durations.human(budget) : getTranslation("call-header.no-limit"));
        return out.toString();
    }
}
