package org.careclock.base.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.data.value.ValueChangeMode;

/** The parts every administration page shares: its header, and its search field. */
public final class AdminPage {

    private AdminPage() {
    }

    /** The page title on the left, its main action on the right. */
    public static HorizontalLayout header(String title, Component action) {
        HorizontalLayout header = new HorizontalLayout(new H2(title), action);
        header.addClassName("view-header");
        header.setWidthFull();
        header.setAlignItems(FlexComponent.Alignment.CENTER);
        header.setJustifyContentMode(FlexComponent.JustifyContentMode.BETWEEN);
        return header;
    }

    /** Makes {@code field} a search box that calls {@code onChange} as the user types. */
    public static TextField search(TextField field, String id, String placeholder, String ariaLabel, String minWidth,
                                   Runnable onChange) {
        field.setId(id);
        field.setPlaceholder(placeholder);
        field.setAriaLabel(ariaLabel);
        field.setPrefixComponent(VaadinIcon.SEARCH.create());
        field.setClearButtonVisible(true);
        field.setValueChangeMode(ValueChangeMode.LAZY);
        field.setMinWidth(minWidth);
        field.addValueChangeListener(e -> onChange.run());
        return field;
    }
}
