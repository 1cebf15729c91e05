package org.careclock.session.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import org.careclock.base.ui.BrowserTime;
import org.careclock.session.Waiting;

import java.time.ZoneId;
import java.util.List;

/**
 * The clinician's side before the call is live: who is waiting and since when, and the button
 * that starts the appointment (and its time) for everyone.
 */
class BackstagePanel extends Div {

    private final Div list = new Div();
    private ZoneId zone = ZoneId.systemDefault();
    private List<Waiting> waiting = List.of();

    BackstagePanel(Runnable goLive) {
        setId("backstage");
        addClassName("backstage");
        H3 title = new H3(getTranslation("backstage.title"));
        list.addClassName("waiting-list");
        list.getElement().setAttribute("aria-live", "polite");
        Button start = new Button(getTranslation("backstage.start"), VaadinIcon.PLAY.create(), e -> goLive.run());
        start.setId("go-live");
        start.addThemeVariants(ButtonVariant.LUMO_PRIMARY, ButtonVariant.LUMO_SUCCESS);
        Paragraph note = new Paragraph(getTranslation("backstage.note"));
        note.addClassName("muted");
        add(title, list, start, note);
        render();
    }

    void update(List<Waiting> now) {
        waiting = now;
        render();
    }

    void setZone(ZoneId zone) {
        this.zone = zone;
        render();
    }

    private void render() {
        list.removeAll();
        if (waiting.isEmpty()) {
            list.add(new Paragraph(getTranslation("backstage.nobody")));
            return;
        }
        for (Waiting w : waiting) {
            Span entry = new Span(VaadinIcon.USER_CLOCK.create(),
                    new Span(getTranslation("backstage.waiting", w.displayName(), BrowserTime.time(w.since(), zone))));
            entry.setId("waiting-" + w.userId());
            entry.addClassName("waiting-entry");
            list.add(entry);
        }
    }
}
