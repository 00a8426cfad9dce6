package io.cti.platform.startup;

/**
 * Formats the one line that tells a person the platform is up and which URL to open. Pure and immutable,
 * so the wording is tested without starting a server.
 *
 * @param host               host name to show (a browser on this machine reaches it)
 * @param port               port the application's web server is bound to
 * @param contextPath        servlet context path, empty or starting with {@code /}
 * @param managementPort     port of the actuator endpoints; the same as {@code port} unless a separate
 *                           management server runs
 * @param managementBasePath actuator base path such as {@code /actuator}
 */
record ReadyLine(String host, int port, String contextPath, int managementPort, String managementBasePath) {

    String applicationUrl() {
        return "http://" + host + ":" + port + trimSlashes(contextPath) + "/";
    }

    String healthUrl() {
        // actuator endpoints share the servlet context path only when they share the server
        String prefix = managementPort == port ? trimSlashes(contextPath) : "";
        return "http://" + host + ":" + managementPort + prefix + trimSlashes(managementBasePath) + "/health";
    }

    String format() {
        return "CTI platform ready: " + applicationUrl() + " (health: " + healthUrl() + ")";
    }

    /** {@code "/"}, {@code ""} and null become {@code ""}; {@code "x/"} becomes {@code "/x"}. */
    private static String trimSlashes(String path) {
        if (path == null) {
            return "";
        }
        String trimmed = path.strip();
        while (trimmed.endsWith("/")) {
            trimmed = trimmed.substring(0, trimmed.length() - 1);
        }
        if (trimmed.isEmpty()) {
            return "";
        }
        return trimmed.startsWith("/") ? trimmed : "/" + trimmed;
    }
}
