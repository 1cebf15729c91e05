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


    NotFoundPage() {
        setId("not-found");
        addClassNames("page", "not-found");
        Paragraph brand = new Paragraph("CareClock");
        brand.addClassName("brand");
        Anchor home = new Anchor("", getTranslation("not-found.home"));
        home.setId("not-found-home");
        add(brand, new H1(getTranslation("not-found.title")), new Paragraph(getTranslation("not-found.text")),
                new Paragraph(home));
    }

    @Override
    public String getPageTitle() {
        return getTranslation("page.title", getTranslation("not-found.title"));
    }

    /** Not found, whatever the reason. */
    static int status() {
        return 404;
    }
}
