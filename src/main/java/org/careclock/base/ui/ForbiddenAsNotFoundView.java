package org.careclock.base.ui;

import com.vaadin.flow.router.AccessDeniedException;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.ErrorParameter;
import com.vaadin.flow.router.HasErrorParameter;
import com.vaadin.flow.server.auth.AnonymousAllowed;

/**
 * A page the signed-in user's role may not open (an administration page for a patient): answered
 * exactly like an address nothing serves ({@link NotFoundView}), 404, so its existence stays
 * unknown. Vaadin's access control routes such a navigation here.
 */
@AnonymousAllowed
public class ForbiddenAsNotFoundView extends NotFoundPage implements HasErrorParameter<AccessDeniedException> {

    @Override
    public int setErrorParameter(BeforeEnterEvent event, ErrorParameter<AccessDeniedException> parameter) {
        return status();
    }
}
