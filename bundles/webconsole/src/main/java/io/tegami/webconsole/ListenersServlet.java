package io.tegami.webconsole;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Dictionary;
import java.util.Enumeration;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.apache.felix.webconsole.servlet.AbstractServlet;
import org.osgi.framework.InvalidSyntaxException;
import org.osgi.service.cm.Configuration;
import org.osgi.service.cm.ConfigurationAdmin;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;
import org.osgi.service.component.runtime.ServiceComponentRuntime;
import org.osgi.service.component.runtime.dto.ComponentConfigurationDTO;
import org.osgi.service.component.runtime.dto.ComponentDescriptionDTO;

import io.tegami.api.net.ListenerStatus;
import io.tegami.api.net.ProtocolHandler;
import jakarta.servlet.Servlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * The Web Console's "Listeners" page ({@code /system/console/listeners}): every
 * {@code tegami.listener} configuration with its live state ({@link ListenerRows}).
 */
@Component(service = Servlet.class, property = {
        "felix.webconsole.label=listeners", "felix.webconsole.title=Listeners", "felix.webconsole.category=Tegami"})
public final class ListenersServlet extends AbstractServlet {

    /** The net bundle's listener component and its factory PID. */
    static final String LISTENER_COMPONENT = "io.tegami.net.Listener";
    static final String LISTENER_FACTORY_PID = "tegami.listener";
    private static final long serialVersionUID = 1L;

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    private transient volatile ConfigurationAdmin configAdmin;
    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    private transient volatile ServiceComponentRuntime scr;
    /** What the net bundle publishes of each active listener. */
    private final transient Map<ListenerStatus, Boolean> statuses = new ConcurrentHashMap<>();

    @Reference(name = "statuses", service = ListenerStatus.class, cardinality = ReferenceCardinality.MULTIPLE,
            policy = ReferencePolicy.DYNAMIC, policyOption = ReferencePolicyOption.GREEDY, unbind = "unbindStatus")
    void bindStatus(ListenerStatus status) {
        statuses.put(status, Boolean.TRUE);
    }

    void unbindStatus(ListenerStatus status) {
        statuses.remove(status);
    }

    /** The protocol of each handler registered now. */
    private final transient Map<ProtocolHandler, String> handlers = new ConcurrentHashMap<>();

    @Reference(name = "handlers", service = ProtocolHandler.class, cardinality = ReferenceCardinality.MULTIPLE,
            policy = ReferencePolicy.DYNAMIC, updated = "bindHandler", unbind = "unbindHandler")
    void bindHandler(ProtocolHandler handler, Map<String, Object> props) {
        Object p = props.get(ProtocolHandler.PROTOCOL);
        handlers.put(handler, p == null ? "" : p.toString());
    }

    void unbindHandler(ProtocolHandler handler) {
        handlers.remove(handler);
    }

    @Override
    public void renderContent(HttpServletRequest request, HttpServletResponse response) throws IOException {
        ConfigurationAdmin cm = configAdmin;
        List<ListenerRows.Row> rows = null;
        if (cm != null) {
            Map<String, ListenerRows.Live> live = new HashMap<>();
            for (ListenerStatus s : statuses.keySet()) {
                live.put(s.info().name(), new ListenerRows.Live(s.openSessions(), !s.boundAddresses().isEmpty()));
            }
            rows = ListenerRows.rows(configs(cm), states(scr), new HashSet<>(handlers.values()), live);
        }
        response.getWriter().write(ListenersPage.render(rows));
    }

    private static List<Map<String, Object>> configs(ConfigurationAdmin cm) throws IOException {
        Configuration[] found;
        try {
            found = cm.listConfigurations("(service.factoryPid=" + LISTENER_FACTORY_PID + ")");
        } catch (InvalidSyntaxException e) {
            throw new IllegalStateException("constant filter", e);
        }
        List<Map<String, Object>> out = new ArrayList<>();
        for (Configuration c : found == null ? new Configuration[0] : found) {
            Dictionary<String, Object> d = c.getProperties();
            if (d == null) {
                continue;
            }
            Map<String, Object> m = new HashMap<>();
            for (Enumeration<String> keys = d.keys(); keys.hasMoreElements();) {
                String k = keys.nextElement();
                m.put(k, d.get(k));
            }
            m.put("service.pid", c.getPid());
            out.add(m);
        }
        return out;
    }

    private static Map<String, ListenerRows.ComponentState> states(ServiceComponentRuntime runtime) {
        if (runtime == null) {
            return Collections.emptyMap();
        }
        Map<String, ListenerRows.ComponentState> states = new HashMap<>();
        for (ComponentDescriptionDTO d : runtime.getComponentDescriptionDTOs()) {
            if (!d.name.equals(LISTENER_COMPONENT)) {
                continue;
            }
            for (ComponentConfigurationDTO c : runtime.getComponentConfigurationDTOs(d)) {
                Object pid = c.properties.get("service.pid");
                if (pid != null) {
                    states.put(pid.toString(), new ListenerRows.ComponentState(c.state, c.failure));
                }
            }
        }
        return states;
    }
}
