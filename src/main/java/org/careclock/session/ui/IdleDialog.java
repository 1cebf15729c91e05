package org.careclock.session.ui;

import com.vaadin.flow.component.ComponentEvent;
import com.vaadin.flow.component.ComponentEventListener;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.shared.Registration;
import org.careclock.base.ui.Countdown;

import java.time.Instant;

/** "You are the only participant. Stay / Leave" — the call ends when the countdown here runs out. */
class IdleDialog extends Dialog {

    private final Countdown answerBy;
    private final Button stay = new Button(getTranslation("idle.stay"));
    private final Button leave = new Button(getTranslation("idle.leave"));

    IdleDialog(java.util.function.Supplier<Instant> serverClock) {
        answerBy = new Countdown(serverClock);
        setHeaderTitle(getTranslation("idle.title"));
        setCloseOnOutsideClick(false);
        setCloseOnEsc(false);
        answerBy.setId("idle-countdown");
        Div content = new Div(new Paragraph(getTranslation("idle.text")),
                new Paragraph(new Span(getTranslation("idle.ends-in") + " "), answerBy));
        content.setId("idle-dialog");
        content.getElement().setAttribute("role", "alertdialog");
        add(content);
        stay.setId("idle-stay");
        stay.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        stay.addClickListener(e -> {
            close();
            fireEvent(new StayEvent(this));
        });
        leave.setId("idle-leave");
        leave.addClickListener(e -> {
            close();
            fireEvent(new LeaveEvent(this));
        });
        getFooter().add(leave, stay);
    }

    /** The participant chose to stay. */
    static final class StayEvent extends ComponentEvent<IdleDialog> {
        StayEvent(IdleDialog source) {
            super(source, true);
        }
    }

    /** The participant chose to leave. */
    static final class LeaveEvent extends ComponentEvent<IdleDialog> {
        LeaveEvent(IdleDialog source) {
            super(source, true);
        }
    }

    Registration addStayListener(ComponentEventListener<StayEvent> listener) {
        return addListener(StayEvent.class, listener);
    }

    Registration addLeaveListener(ComponentEventListener<LeaveEvent> listener) {
        return addListener(LeaveEvent.class, listener);
    }

    void ask(Instant deadline, Instant now) {
        answerBy.setLevels(0, Integer.MAX_VALUE);
        answerBy.show(deadline, now);
        open();
    }
}
