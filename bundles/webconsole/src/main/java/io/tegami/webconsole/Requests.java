package io.tegami.webconsole;

import jakarta.servlet.http.HttpServletRequest;

/** What the pages need from a Web Console request. */
final class Requests {

    /** The request attribute where the console's Basic authentication puts the user. */
    private static final String REMOTE_USER = "org.osgi.service.http.authentication.remote.user";
    /** The request attribute with the page's own address (ServletConstants.ATTR_PLUGIN_ROOT). */
    private static final String PLUGIN_ROOT = "felix.webconsole.pluginRoot";

    private Requests() {
    }

    /** The logged-in console user, or "" if the console did not say. */
    static String user(HttpServletRequest request) {
        Object u = request.getAttribute(REMOTE_USER);
        if (u == null) {
            u = request.getRemoteUser();
        }
        return u == null ? "" : u.toString();
    }

    /** The page's address, as the console computed it; a fallback from the request otherwise. */
    static String pluginRoot(HttpServletRequest request, String label) {
        Object root = request.getAttribute(PLUGIN_ROOT);
        return root != null ? root.toString() : request.getContextPath() + request.getServletPath() + "/" + label;
    }

    /** The origin the browser reached the console at, e.g. {@code http://127.0.0.1:8080}. */
    static String ownOrigin(HttpServletRequest request) {
        return request.getScheme() + "://" + request.getServerName() + ":" + request.getServerPort();
    }
}
