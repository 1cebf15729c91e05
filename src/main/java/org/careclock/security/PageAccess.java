package org.careclock.security;

import com.vaadin.flow.router.internal.NavigationRouteTarget;
import com.vaadin.flow.server.RouteRegistry;
import com.vaadin.flow.server.VaadinServletContext;
import com.vaadin.flow.server.startup.ApplicationRouteRegistry;
import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.security.authorization.AuthorizationDecision;
import org.springframework.security.authorization.AuthorizationManager;
import org.springframework.security.authorization.AuthorizationResult;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.web.access.intercept.RequestAuthorizationContext;

import java.util.Arrays;
import java.util.Set;
import java.util.function.Supplier;
import java.util.stream.Collectors;

/**
 * Which page an address opens, and who may open it, read from the pages' own access
 * annotations, so the filter chain answers the first request for a page the way the pages'
 * navigation does: a role that may not open a page ({@code @RolesAllowed}) is refused at once
 * (and answered "Page not found", like an address nothing serves), instead of getting the page's
 * frame first.
 */
final class PageAccess implements AuthorizationManager<RequestAuthorizationContext> {

    /** The view the address of {@code request} opens, or null when it opens none. */
    static Class<?> viewAt(HttpServletRequest request) {
        String path = PageHeaders.pathOf(request);
        path = path.startsWith("/") ? path.substring(1) : path;
        RouteRegistry routes = ApplicationRouteRegistry.getInstance(new VaadinServletContext(request.getServletContext()));
        NavigationRouteTarget target = routes.getNavigationRouteTarget(path);
        return target == null || target.getRouteTarget() == null ? null : target.getRouteTarget().getTarget();
    }

    /** Whether the address opens a page every signed-in user may open. */
    static boolean openToEverySignedInUser(HttpServletRequest request) {
        Class<?> view = viewAt(request);
        return view != null && view.isAnnotationPresent(PermitAll.class);
    }

    /** Whether the address opens a page only some roles may open. */
    static boolean forSomeRoles(HttpServletRequest request) {
        Class<?> view = viewAt(request);
        return view != null && view.isAnnotationPresent(RolesAllowed.class);
    }

    /** Grants the request when the signed-in user holds one of the roles the page names. */
    @Override
    public AuthorizationResult authorize(Supplier<? extends Authentication> authentication,
                                         RequestAuthorizationContext context) {
        Class<?> view = viewAt(context.getRequest());
        Authentication user = authentication.get();
        if (view == null || user == null || !user.isAuthenticated()) {
            return new AuthorizationDecision(false);
        }
        RolesAllowed allowed = view.getAnnotation(RolesAllowed.class);
        if (allowed == null) {
            return new AuthorizationDecision(true);
        }
        Set<String> held = user.getAuthorities().stream().map(GrantedAuthority::getAuthority).collect(Collectors.toSet());
        return new AuthorizationDecision(Arrays.stream(allowed.value()).anyMatch(role -> held.contains("ROLE_" + role)));
    }
}
