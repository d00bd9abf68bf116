package io.tegami.webconsole;

import java.io.IOException;
import java.time.Instant;
import java.time.ZoneId;

import org.apache.felix.webconsole.servlet.AbstractServlet;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;

import io.tegami.api.net.LoginRegistry;
import jakarta.servlet.Servlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/** The Web Console's "Logged in" page ({@code /system/console/loggedin}): {@code doveadm who}. */
@Component(service = Servlet.class, property = {
        "felix.webconsole.label=loggedin", "felix.webconsole.title=Logged in", "felix.webconsole.category=Tegami"})
public final class LoginsServlet extends AbstractServlet {

    private static final long serialVersionUID = 1L;

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    private transient volatile LoginRegistry logins;

    @Override
    public void renderContent(HttpServletRequest request, HttpServletResponse response) throws IOException {
        LoginRegistry r = logins;
        response.getWriter().write(new LoginsPage(ZoneId.systemDefault()).render(r == null ? null : r.logins(), Instant.now()));
    }
}
