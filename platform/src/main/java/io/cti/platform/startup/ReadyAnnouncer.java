package io.cti.platform.startup;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ApplicationContext;
import org.springframework.context.ApplicationListener;
import org.springframework.core.env.Environment;

/**
 * Logs the "CTI platform ready" line with the URL to open once the application is ready, using the port
 * the web server actually bound (which differs from {@code server.port} when that is 0). Stateless.
 */
final class ReadyAnnouncer implements ApplicationListener<ApplicationReadyEvent> {

    private static final Logger log = LoggerFactory.getLogger(ReadyAnnouncer.class);

    @Override
    public void onApplicationEvent(ApplicationReadyEvent event) {
        ApplicationContext context = event.getApplicationContext();
        if (!(context instanceof WebServerApplicationContext web)) {
            // a run without a web server (a CLI command, a test slice) has no URL to announce
            log.info("CTI platform ready (no web server)");
            return;
        }
        Environment environment = context.getEnvironment();
        int port = web.getWebServer().getPort();
        // set by Spring Boot when actuator runs on its own management.server.port
        int managementPort = environment.getProperty("local.management.port", Integer.class, port);
        ReadyLine line = new ReadyLine(
                host(environment.getProperty("server.address")),
                port,
                environment.getProperty("server.servlet.context-path", ""),
                managementPort,
                environment.getProperty("management.endpoints.web.base-path", "/actuator"));
        log.info(line.format());
    }

    /** A wildcard or unset bind address is reachable as localhost from this machine. */
    static String host(String serverAddress) {
        if (serverAddress == null || serverAddress.isBlank()
                || serverAddress.equals("0.0.0.0") || serverAddress.equals("::") || serverAddress.equals("[::]")) {
            return "localhost";
        }
        return serverAddress.contains(":") && !serverAddress.startsWith("[") ? "[" + serverAddress + "]" : serverAddress;
    }
}
