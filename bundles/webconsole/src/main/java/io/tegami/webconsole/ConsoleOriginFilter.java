package io.tegami.webconsole;

import java.io.IOException;
import java.util.Set;

import org.osgi.service.component.annotations.Component;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * Cross-site request forgery protection for the whole Web Console. The console's own actions
 * (stopping, updating and uninstalling bundles, editing configurations) are plain POSTs without a
 * token, and a browser sends the console's Basic credentials along with a form another site makes
 * it post. Every browser names the origin of such a request ({@code Origin}, and recent ones
 * {@code Sec-Fetch-Site}), so a state-changing request from another origin is refused here, before
 * any console servlet sees it. Requests naming no origin (scripts, curl) pass: they carry no
 * credentials of a victim. Tegami's own pages also check a form token ({@link CsrfGuard}).
 */
@Component(service = Filter.class, property = {
        "osgi.http.whiteboard.filter.pattern=/*",
        "osgi.http.whiteboard.context.select=(osgi.http.whiteboard.context.name=org.apache.felix.webconsole)"})
public final class ConsoleOriginFilter implements Filter {

    private static final Set<String> SAFE = Set.of("GET", "HEAD", "OPTIONS", "TRACE");
    private static final Logger LOG = LoggerFactory.getLogger(ConsoleOriginFilter.class);

    @Override
    public void doFilter(ServletRequest req, ServletResponse res, FilterChain chain) throws IOException, ServletException {
        if (req instanceof HttpServletRequest request && res instanceof HttpServletResponse response
                && !SAFE.contains(request.getMethod())
                && !CsrfGuard.fromOwnOrigin(request.getHeader("Origin"), request.getHeader("Sec-Fetch-Site"),
                        Requests.ownOrigin(request))) {
            LOG.warn("warning: webconsole: refused a cross-site {} {} from {} (Origin: {})", request.getMethod(),
                    request.getRequestURI(), request.getRemoteAddr(), request.getHeader("Origin"));
            response.sendError(HttpServletResponse.SC_FORBIDDEN, "cross-site request refused");
            return;
        }
        chain.doFilter(req, res);
    }
}
