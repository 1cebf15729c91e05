package org.careclock.session.ui;

import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import org.careclock.session.Participant;

import java.util.List;

/** "In the call": who is present, each once, the viewer marked "(you)". */
class ParticipantList extends Div {

    private final Div chips = new Div();

    ParticipantList() {
        H3 title = new H3(getTranslation("participants.title"));
        title.addClassName("section-title");
        chips.setId("participants");
        chips.addClassName("participants");
        addClassName("call-people");
        add(title, chips);
    }

    void show(List<Participant> present, String viewer) {
        chips.removeAll();
        chips.getElement().setAttribute("data-count", String.valueOf(present.size()));
        if (present.isEmpty()) {
            chips.add(new Span(getTranslation("participants.none")));
        }
        for (Participant p : present) {
            boolean me = p.userId().equals(viewer);
            Span chip = new Span(VaadinIcon.USER.create(), new Span(me ? getTranslation("participants.you", p.displayName()) : p.displayName()));
            chip.addClassName("participant-chip");
            chip.getElement().setAttribute("data-user", p.userId());
            chips.add(chip);
        }
    }
}
