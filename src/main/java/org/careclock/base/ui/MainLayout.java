package org.careclock.base.ui;

import com.vaadin.flow.component.applayout.AppLayout;
import com.vaadin.flow.component.applayout.DrawerToggle;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.sidenav.SideNav;
import com.vaadin.flow.component.sidenav.SideNavItem;
import com.vaadin.flow.router.Layout;
import com.vaadin.flow.spring.security.AuthenticationContext;
import jakarta.annotation.security.PermitAll;
import org.careclock.base.CurrentUser;
import org.careclock.base.Roles;

/** The frame around every signed-in page: brand, role-aware navigation, who is signed in. */
@Layout
@PermitAll
public class MainLayout extends AppLayout {

    public MainLayout(CurrentUser currentUser, AuthenticationContext authentication) {
        Span brand = new Span("CareClock");
        brand.addClassName("brand");

        Span who = new Span(currentUser.displayName());
        who.addClassName("signed-in-as");
        Button signOut = new Button("Sign out", VaadinIcon.SIGN_OUT.create(), e -> currentUser.signOut());
        signOut.setId("sign-out");
        signOut.addThemeVariants(ButtonVariant.LUMO_TERTIARY);
        HorizontalLayout header = new HorizontalLayout(new DrawerToggle(), brand, new Div(), who, signOut);
        header.setWidthFull();
        header.setAlignItems(FlexComponent.Alignment.CENTER);
        header.expand(header.getComponentAt(2));
        header.addClassName("app-header");
        addToNavbar(header);

        SideNav nav = new SideNav();
        nav.addItem(new SideNavItem("My appointments", "", VaadinIcon.CALENDAR_CLOCK.create()));
        if (authentication.hasRole(Roles.ADMIN_AUTHORITY)) {
            SideNav admin = new SideNav("Administration");
            admin.addItem(new SideNavItem("Appointments", "admin/appointments", VaadinIcon.CALENDAR_USER.create()));
            admin.addItem(new SideNavItem("Call types", "admin/call-types", VaadinIcon.TIMER.create()));
            admin.addItem(new SideNavItem("Users", "admin/users", VaadinIcon.USERS.create()));
            admin.addItem(new SideNavItem("Roles", "admin/roles", VaadinIcon.KEY.create()));
            admin.addItem(new SideNavItem("Audit log", "admin/audit", VaadinIcon.RECORDS.create()));
            admin.addItem(new SideNavItem("API access", "admin/api", VaadinIcon.CODE.create()));
            addToDrawer(nav, admin);
        } else {
            addToDrawer(nav);
        }
        setPrimarySection(Section.DRAWER);
    }
}
