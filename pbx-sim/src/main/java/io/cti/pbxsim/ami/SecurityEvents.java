package io.cti.pbxsim.ami;

import io.cti.pbxsim.calls.ManagerEvent;
import io.cti.pbxsim.calls.Pbx;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/**
 * Asterisk's AMI security events (class {@code security}) with the recorded field order, raised through the PBX
 * so they reach every session in order with the call events. Thread-safe.
 */
final class SecurityEvents {

    /** Asterisk's {@code EventTV} form; the simulator always reports UTC. */
    static final DateTimeFormatter EVENT_TV = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSSZ")
            .withZone(ZoneOffset.UTC);

    private final Pbx pbx;

    SecurityEvents(Pbx pbx) {
        this.pbx = pbx;
    }

    void successfulAuth(AmiSession session) {
        pbx.publish(header("SuccessfulAuth", "Informational")
                .add("AccountID", session.username())
                .add("SessionID", session.sessionId())
                .add("LocalAddress", session.localAddress())
                .add("RemoteAddress", session.remoteAddress())
                .add("UsingPassword", 0)
                .add("SessionTV", EVENT_TV.format(session.sessionStart()))
                .build());
    }

    void requestBadFormat(AmiSession session, String action) {
        ManagerEvent.Builder builder = header("RequestBadFormat", "Error")
                .add("SessionID", session.sessionId())
                .add("LocalAddress", session.localAddress())
                .add("RemoteAddress", session.remoteAddress())
                .add("RequestType", "Action: " + action)
                .add("SessionTV", EVENT_TV.format(session.sessionStart()));
        if (!session.username().isEmpty()) {
            builder.add("AccountID", session.username());
        }
        pbx.publish(builder.build());
    }

    private ManagerEvent.Builder header(String name, String severity) {
        Instant now = pbx.clock().now();
        return new ManagerEvent.Builder(name, "security")
                .add("EventTV", EVENT_TV.format(now))
                .add("Severity", severity)
                .add("Service", "AMI")
                .add("EventVersion", 1);
    }
}
