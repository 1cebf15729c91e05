package org.careclock.base.ui;

import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.router.HasDynamicTitle;

/**
 * "Page not found", the same for an address nothing serves and for a page the signed-in user's
 * role may not open: the same words, the same title, status 404 and nothing about the page asked
 * for, so no one learns from it which pages exist. The two error views below show it.
 */
abstract class NotFoundPage extends Div implements HasDynamicTitle {

    static final String TITLE = "Page not found";
    static final String TEXT = "There is no page at this address. Check the address, or go to your appointments.";

    NotFoundPage() {
        setId("not-found");
        addClassNames("page", "not-found");
        Paragraph brand = new Paragraph("CareClock");
        brand.addClassName("brand");
        Anchor home = new Anchor("", "Go to my appointments");
        home.setId("not-found-home");
        add(brand, new H1(TITLE), new Paragraph(TEXT), new Paragraph(home));
    }

    @Override
    public String getPageTitle() {
        return TITLE + " · CareClock";
    }

    /** Not found, whatever the reason. */
    static int status() {
        return 404;
    }
}
