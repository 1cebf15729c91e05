package org.careclock.base.ui;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.server.ErrorEvent;
import com.vaadin.flow.server.ServiceInitEvent;
import com.vaadin.flow.server.VaadinServiceInitListener;
import org.careclock.base.Refusal;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * One error handler for every page: a refusal's own message, or a friendly word for anything
 * unexpected, as a notification; the details in the log. Pages need not catch refusals they
 * have nothing better to do with.
 */
@Component
class ErrorHandling implements VaadinServiceInitListener {

    private static final Logger log = LoggerFactory.getLogger(ErrorHandling.class);


    @Override
    public void serviceInit(ServiceInitEvent event) {
        event.getSource().addSessionInitListener(init -> init.getSession().setErrorHandler(this::handle));
    }

    void handle(ErrorEvent event) {
        String message;
        if (refusalIn(event.getThrowable()) instanceof Refusal refusal) {
            message = Translations.message(refusal.getMessage());
            log.debug("Refused: {}", message);
        } else {
            message = Translations.t("error.unexpected");
            log.error("Unexpected error in a page", event.getThrowable());
        }
        UI ui = UI.getCurrent();
        if (ui != null) {
            ui.access(() -> Notifications.error(message));
        }
    }

    /** The refusal among {@code t} and its causes (Vaadin wraps what a listener throws), or null. */
    private static Refusal refusalIn(Throwable t) {
        for (Throwable current = t; current != null; current = current.getCause() == current ? null : current.getCause()) {
            if (current instanceof Refusal refusal) {
                return refusal;
            }
        }
        return null;
    }
}
