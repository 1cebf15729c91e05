package org.careclock.base.ui;

import com.vaadin.flow.component.applayout.AppLayout;
import com.vaadin.flow.component.applayout.DrawerToggle;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Anchor;
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

    public MainLayout(CurrentUser currentUser, AuthenticationContext authentication, Languages languages) {
        boolean admin = authentication.hasRole(Roles.ADMIN_AUTHORITY);
        // The brand leads home ("." is the app's root); with no drawer it is the way back to the list.
        Anchor brand = new Anchor(".", "CareClock");
        brand.addClassName("brand");
        brand.getElement().setAttribute("aria-label", getTranslation("layout.brand-label"));

        Span who = new Span(currentUser.displayName());
        who.addClassName("signed-in-as");
        who.getElement().setAttribute("title", currentUser.displayName());
        Button signOut = new Button(getTranslation("layout.sign-out"), VaadinIcon.SIGN_OUT.create(), e -> currentUser.signOut());
        signOut.setId("sign-out");
        signOut.setAriaLabel(getTranslation("layout.sign-out"));
        signOut.addThemeVariants(ButtonVariant.LUMO_TERTIARY);
        Div spacer = new Div();
        LanguageMenu language = new LanguageMenu(languages);
        DrawerToggle toggle = new DrawerToggle();
        toggle.setAriaLabel(getTranslation("layout.menu"));
        HorizontalLayout header = admin ? new HorizontalLayout(toggle, brand, spacer, language, who, signOut)
                : new HorizontalLayout(brand, spacer, language, who, signOut);
        header.setWidthFull();
        header.setAlignItems(FlexComponent.Alignment.CENTER);
        header.expand(spacer);
        header.addClassName("app-header");
        addToNavbar(header);

        if (admin) {
            SideNav nav = new SideNav();
            nav.addItem(new SideNavItem(getTranslation("layout.nav.mine"), "", VaadinIcon.CALENDAR_CLOCK.create()));
            SideNav administration = new SideNav(getTranslation("layout.nav.administration"));
            administration.addItem(new SideNavItem(getTranslation("layout.nav.appointments"), "admin/appointments", VaadinIcon.CALENDAR_USER.create()));
            administration.addItem(new SideNavItem(getTranslation("layout.nav.call-types"), "admin/call-types", VaadinIcon.TIMER.create()));
            administration.addItem(new SideNavItem(getTranslation("layout.nav.users"), "admin/users", VaadinIcon.USERS.create()));
            administration.addItem(new SideNavItem(getTranslation("layout.nav.roles"), "admin/roles", VaadinIcon.KEY.create()));
            administration.addItem(new SideNavItem(getTranslation("layout.nav.audit"), "admin/audit", VaadinIcon.RECORDS.create()));
            administration.addItem(new SideNavItem(getTranslation("layout.nav.api"), "admin/api", VaadinIcon.CODE.create()));
            addToDrawer(nav, administration);
            setPrimarySection(Section.DRAWER);
        } else {
            // Patients and clinicians have one page, their appointments: no drawer to hold one item.
            header.addClassName("no-drawer");
            setDrawerOpened(false);
        }
    }

}
