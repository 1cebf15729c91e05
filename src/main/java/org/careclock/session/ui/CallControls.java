package org.careclock.session.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.confirmdialog.ConfirmDialog;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.icon.VaadinIcon;
import org.careclock.base.ui.Durations;
import org.careclock.calltype.Capability;

import java.util.List;
import java.util.Set;
import java.util.function.IntConsumer;

/**
 * What a participant may do to the call: extend it by each step (with change-max-duration),
 * leave it, and end it for everyone after a confirmation (with end-call).
 */
class CallControls extends Div {

    private final IntConsumer extend;
    private final Runnable leave;
    private final Runnable end;

    CallControls(IntConsumer extend, Runnable leave, Runnable end) {
        this.extend = extend;
        this.leave = leave;
        this.end = end;
        addClassName("call-controls");
    }

    /** Shows the controls the capabilities allow. */
    void show(Set<Capability> capabilities, List<Integer> steps) {
        removeAll();
        if (capabilities.contains(Capability.CHANGE_MAX_DURATION)) {
            steps.forEach(step -> add(extendButton(step)));
        }
        Button leaveButton = new Button(getTranslation("controls.leave"), VaadinIcon.SIGN_OUT.create(), e -> leave.run());
        leaveButton.setId("leave-call");
        add(leaveButton);
        if (capabilities.contains(Capability.END_CALL)) {
            Button endButton = new Button(getTranslation("controls.end"), VaadinIcon.STOP.create(), e -> confirmEnd());
            endButton.setId("end-call");
            endButton.addThemeVariants(ButtonVariant.LUMO_ERROR);
            add(endButton);
        }
    }

    private Button extendButton(int seconds) {
        Button button = new Button(Durations.extension(seconds), VaadinIcon.PLUS.create(), e -> extend.accept(seconds));
        button.setId("extend-" + seconds);
        button.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        button.getElement().setAttribute("aria-label", getTranslation("controls.extend-label", Durations.extension(seconds),
                Durations.spoken(seconds)));
        return button;
    }

    private void confirmEnd() {
        ConfirmDialog confirm = new ConfirmDialog();
        confirm.setHeader(getTranslation("controls.end-question"));
        confirm.setText(getTranslation("controls.end-text"));
        confirm.setCancelable(true);
        confirm.setCancelText(getTranslation("dialog.cancel"));
        Button endNow = new Button(getTranslation("controls.end-confirm"), e -> {
            confirm.close();
            end.run();
        });
        endNow.setId("confirm-end-call");
        endNow.addThemeVariants(ButtonVariant.LUMO_ERROR, ButtonVariant.LUMO_PRIMARY);
        confirm.setConfirmButton(endNow);
        confirm.open();
    }
}
