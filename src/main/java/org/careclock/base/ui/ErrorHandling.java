package org.careclock.base.ui;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.server.ErrorEvent;
import com.vaadin.flow.server.ServiceInitEvent;
import com.vaadin.flow.server.VaadinServiceInitListener;
import org.careclock.base.ConflictException;
import org.careclock.base.InvalidInputException;
import org.careclock.base.NotFoundException;
import org.careclock.base.RefusedException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/** One error handler for every page: a friendly notification for the user, the details in the log. */
@Component
class ErrorHandling implements VaadinServiceInitListener {

    private static final Logger log = LoggerFactory.getLogger(ErrorHandling.class);

    @Override
    public void serviceInit(ServiceInitEvent event) {
        event.getSource().addSessionInitListener(init -> init.getSession().setErrorHandler(this::handle));
    }

    void handle(ErrorEvent event) {
        Throwable cause = rootOf(event.getThrowable());
        String message;
        if (cause instanceof RefusedException || cause instanceof NotFoundException
                || cause instanceof InvalidInputException || cause instanceof ConflictException) {
            message = cause.getMessage();
            log.debug("Refused: {}", message);
        } else {
            message = "Something went wrong. Please try again; if it happens again, tell your clinic's administrator.";
            log.error("Unexpected error in a page", event.getThrowable());
        }
        UI ui = UI.getCurrent();
        if (ui != null) {
            ui.access(() -> Notifications.error(message));
        }
    }

    private static Throwable rootOf(Throwable t) {
        Throwable current = t;
        while (current.getCause() != null && current.getCause() != current
                && !(current instanceof RefusedException || current instanceof NotFoundException
                || current instanceof InvalidInputException || current instanceof ConflictException)) {
            current = current.getCause();
        }
        return current;
    }
}
