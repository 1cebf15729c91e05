package org.careclock.api;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * Everything under /api/ that no endpoint serves answers a JSON error, after authentication like
 * any API request, instead of falling through to the pages: 405 with the methods the address
 * does take ({@code Allow}) when an endpoint serves it with another method, 404 otherwise.
 */
@RestController
class UnknownEndpointApi {

    private final ObjectProvider<RequestMappingHandlerMapping> mappings;

    UnknownEndpointApi(@Qualifier("requestMappingHandlerMapping") ObjectProvider<RequestMappingHandlerMapping> mappings) {
        this.mappings = mappings;
    }

    @RequestMapping("/api/**")
    Object unknown(HttpServletRequest request, HttpServletResponse response) {
        Set<String> allowed = methodsServing(request);
        if (!allowed.isEmpty()) {
            response.setHeader("Allow", String.join(", ", allowed));
            throw new ApiException(ErrorCodes.INPUT, HttpStatus.METHOD_NOT_ALLOWED,
                    "CareClock's API does not answer " + request.getMethod() + " at " + request.getRequestURI()
                            + "; it answers " + String.join(", ", allowed) + " there (see docs/api.md)");
        }
        throw new ApiException(ErrorCodes.NOT_FOUND, HttpStatus.NOT_FOUND,
                "CareClock's API has no endpoint " + request.getMethod() + " " + request.getRequestURI()
                        + "; see docs/api.md for the endpoints it offers");
    }

    /** The methods of the API's endpoints whose path matches the request's, this catch-all aside. */
    private Set<String> methodsServing(HttpServletRequest request) {
        RequestMappingHandlerMapping mapping = mappings.getIfAvailable();
        if (mapping == null) {
            return Set.of();
        }
        Set<String> methods = new TreeSet<>();
        mapping.getHandlerMethods().forEach((info, handler) -> {
            if (handler.getBeanType() == UnknownEndpointApi.class || !handler.getBeanType().getPackageName()
                    .equals(UnknownEndpointApi.class.getPackageName())) {
                return;
            }
            if (info.getPathPatternsCondition() != null
                    && info.getPathPatternsCondition().getMatchingCondition(request) != null) {
                Set<RequestMethod> declared = info.getMethodsCondition().getMethods();
                methods.addAll(declared.stream().map(RequestMethod::name).collect(Collectors.toSet()));
            }
        });
        return methods;
    }
}
