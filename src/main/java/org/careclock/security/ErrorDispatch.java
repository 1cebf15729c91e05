package org.careclock.security;

import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.boot.webmvc.error.ErrorController;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.RequestMapping;

import java.io.IOException;

/**
 * The web server's error dispatch ({@code /error}), instead of Spring Boot's: what the server,
 * a filter or a servlet refused with an error status (a method nobody serves such as
 * {@code TRACE}, a file that is not there) gets {@link RefusedAnswers}' page, or the API's JSON
 * under /api. Opened directly, {@code /error} is an address like any unknown one.
 */
@Controller
class ErrorDispatch implements ErrorController {

    @RequestMapping("/error")
    void error(HttpServletRequest request, HttpServletResponse response) throws IOException {
        Object status = request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE);
        Object uri = request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI);
        int code = status instanceof Integer s && s >= 400 ? s : 404;
        RefusedAnswers.write(uri instanceof String u ? u : request.getRequestURI(), code, response);
    }
}
