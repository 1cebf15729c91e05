package org.careclock.api;

import jakarta.servlet.http.HttpServletRequest;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Everything under /api/ that no endpoint serves (an unknown path, or a method an endpoint does
 * not offer) answers a JSON error, after authentication like any API request, instead of
 * falling through to the pages.
 */
@RestController
class UnknownEndpointApi {

    @RequestMapping("/api/**")
    Object unknown(HttpServletRequest request) {
        throw new ApiException(ErrorCodes.NOT_FOUND, HttpStatus.NOT_FOUND,
                "CareClock's API has no endpoint " + request.getMethod() + " " + request.getRequestURI()
                        + "; see docs/api.md for the endpoints it offers");
    }
}
