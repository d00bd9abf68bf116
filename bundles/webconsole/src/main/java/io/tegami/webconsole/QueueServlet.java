package io.tegami.webconsole;

import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.ZoneId;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

import org.apache.felix.webconsole.servlet.AbstractServlet;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.tegami.api.queue.MailQueue;
import io.tegami.api.queue.QueueEntry;
import io.tegami.api.queue.QueueException;
import jakarta.servlet.Servlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * The Web Console's "Mail queue" page ({@code /system/console/mailqueue}): {@code mailq} with the
 * {@code postsuper}/{@code postqueue} actions as buttons. Actions are POSTs guarded by
 * {@link CsrfGuard}, answered with a redirect back to the page (so a reload repeats nothing).
 */
@Component(service = Servlet.class, property = {
        "felix.webconsole.label=" + QueueServlet.LABEL, "felix.webconsole.title=Mail queue",
        "felix.webconsole.category=Tegami"})
public final class QueueServlet extends AbstractServlet {

    static final String LABEL = "mailqueue";
    private static final long serialVersionUID = 1L;
    private static final Logger LOG = LoggerFactory.getLogger(QueueServlet.class);

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    private transient volatile MailQueue queue;

    private final transient CsrfGuard guard = new CsrfGuard();

    @Override
    public void renderContent(HttpServletRequest request, HttpServletResponse response) throws IOException {
        MailQueue q = queue;
        List<QueueEntry> entries = List.of();
        Optional<String> notice = QueueActions.notice(request.getParameter("done"), count(request.getParameter("n")));
        if (q != null) {
            try {
                entries = q.list();
            } catch (QueueException e) {
                LOG.error("warning: webconsole: cannot list the mail queue: {}", e.getMessage());
                notice = QueueActions.notice("error", 0);
            }
        }
        String html = new QueuePage(ZoneId.systemDefault()).render(entries, Requests.pluginRoot(request, LABEL),
                guard.token(Requests.user(request)), notice, q == null);
        response.getWriter().write(html);
    }

    @Override
    protected void doPost(HttpServletRequest request, HttpServletResponse response) throws IOException {
        String done;
        int n = 0;
        MailQueue q = queue;
        String user = Requests.user(request);
        if (!guard.allows(user, request.getParameter(CsrfGuard.FIELD), request.getHeader("Origin"),
                request.getHeader("Sec-Fetch-Site"), Requests.ownOrigin(request))) {
            LOG.warn("warning: webconsole: refused a mail queue action without a valid form token from {}",
                    request.getRemoteAddr());
            done = "forbidden";
        } else if (q == null) {
            done = "error";
        } else {
            String[] ids = request.getParameterValues("id");
            try {
                Optional<QueueActions.Outcome> outcome = QueueActions.apply(q, request.getParameter("action"),
                        ids == null ? List.of() : Arrays.asList(ids));
                done = outcome.map(QueueActions.Outcome::action).orElse("");
                n = outcome.map(QueueActions.Outcome::count).orElse(0);
                outcome.ifPresent(o -> LOG.info("webconsole: user={}, action={}, messages={}", user, o.action(), o.count()));
            } catch (QueueException e) {
                LOG.error("warning: webconsole: mail queue action failed: {}", e.getMessage());
                done = "error";
            }
        }
        response.setStatus(HttpServletResponse.SC_SEE_OTHER);
        response.setHeader("Location", Requests.pluginRoot(request, LABEL) + "?done="
                + URLEncoder.encode(done, StandardCharsets.UTF_8) + "&n=" + n);
    }

    private static int count(String n) {
        try {
            return n == null ? 0 : Math.max(0, Integer.parseInt(n));
        } catch (NumberFormatException e) {
            return 0;
        }
    }
}
