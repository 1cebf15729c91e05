package org.careclock.security;

import org.apache.catalina.Container;
import org.apache.catalina.Context;
import org.apache.catalina.Lifecycle;
import org.apache.catalina.Pipeline;
import org.apache.catalina.Valve;
import org.apache.catalina.connector.Request;
import org.apache.catalina.connector.Response;
import org.apache.catalina.core.StandardHost;
import org.apache.catalina.valves.ErrorReportValve;
import org.springframework.boot.tomcat.servlet.TomcatServletWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.core.Ordered;
import org.springframework.stereotype.Component;

import java.io.IOException;

/**
 * The web server's own error reports, for requests it refuses before CareClock sees them (an
 * encoded slash, a NUL or a step above the root in the address): {@link RefusedAnswers}' page,
 * or the API's JSON under /api, in place of the server's bare "HTTP Status 400" page. Installed
 * on the host when it starts, in place of every other error report valve.
 */
@Component
class ServerErrorReports implements WebServerFactoryCustomizer<TomcatServletWebServerFactory>, Ordered {

    @Override
    public void customize(TomcatServletWebServerFactory factory) {
        factory.addContextCustomizers(ServerErrorReports::install);
    }

    @Override
    public int getOrder() {
        return Ordered.LOWEST_PRECEDENCE;
    }

    static void install(Context context) {
        Container parent = context.getParent();
        if (parent instanceof StandardHost host) {
            host.setErrorReportValveClass(FriendlyReports.class.getName());
            host.addLifecycleListener(event -> {
                if (Lifecycle.BEFORE_START_EVENT.equals(event.getType())) {
                    replaceReports(host.getPipeline());
                }
            });
        }
    }

    /** Takes every other error report valve out of the host's pipeline and puts one {@link FriendlyReports} in. */
    static void replaceReports(Pipeline pipeline) {
        boolean present = false;
        for (Valve valve : pipeline.getValves()) {
            if (valve instanceof FriendlyReports) {
                present = true;
            } else if (valve instanceof ErrorReportValve) {
                pipeline.removeValve(valve);
            }
        }
        if (!present) {
            pipeline.addValve(new FriendlyReports());
        }
    }

    /** Writes {@link RefusedAnswers}' answer where the server would write its own report. */
    public static final class FriendlyReports extends ErrorReportValve {

        public FriendlyReports() {
            setShowReport(false);
            setShowServerInfo(false);
        }

        @Override
        protected void report(Request request, Response response, Throwable throwable) {
            int status = response.getStatus();
            if (status < 400 || response.getContentWritten() > 0 || !response.setErrorReported()) {
                return;
            }
            try {
                RefusedAnswers.write(request.getRequestURI(), status, response.getResponse());
            } catch (IOException | IllegalStateException e) {
                // The client has gone, or the answer was begun elsewhere: nothing more to say.
            }
        }
    }
}
