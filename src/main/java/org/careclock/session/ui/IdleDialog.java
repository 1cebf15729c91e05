package org.careclock.session.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import org.careclock.base.ui.Countdown;

import java.time.Instant;

/** "You are the only participant. Stay / Leave" — the call ends when the countdown here runs out. */
class IdleDialog extends Dialog {

    private final Countdown answerBy;
    private final Button stay = new Button("Stay");
    private final Button leave = new Button("Leave");
    private Runnable onStay = () -> { };
    private Runnable onLeave = () -> { };

    IdleDialog(java.util.function.Supplier<Instant> serverClock) {
        answerBy = new Countdown(serverClock);
        setHeaderTitle("Still there?");
        setCloseOnOutsideClick(false);
        setCloseOnEsc(false);
        answerBy.setId("idle-countdown");
        Div content = new Div(new Paragraph("You are the only participant. Stay in the call, or leave?"),
                new Paragraph(new Span("Without an answer the call ends in "), answerBy));
        content.setId("idle-dialog");
        content.getElement().setAttribute("role", "alertdialog");
        add(content);
        stay.setId("idle-stay");
        stay.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        stay.addClickListener(e -> {
            close();
            onStay.run();
        });
        leave.setId("idle-leave");
        leave.addClickListener(e -> {
            close();
            onLeave.run();
        });
        getFooter().add(leave, stay);
    }

    void onStay(Runnable action) {
        this.onStay = action;
    }

    void onLeave(Runnable action) {
        this.onLeave = action;
    }

    void ask(Instant deadline, Instant now) {
        answerBy.setLevels(0, Integer.MAX_VALUE);
        answerBy.show(deadline, now);
        open();
    }
}
