package io.cti.pbxsim.ami;

import io.cti.pbxsim.calls.ManagerEvent;

import java.net.Inet6Address;
import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.nio.charset.StandardCharsets;

/**
 * AMI's text form: {@code Name: value} lines ended by CR LF, a message ended by an empty line, an empty value
 * written as {@code Name: } with its trailing space. Stateless.
 */
final class AmiWire {

    /** The greeting: one line, no empty line after it. */
    static final byte[] BANNER = "Asterisk Call Manager/9.0.0\r\n".getBytes(StandardCharsets.US_ASCII);

    private AmiWire() {
    }

    static byte[] render(AmiMessage message) {
        StringBuilder out = new StringBuilder(256);
        for (AmiMessage.Header header : message.headers()) {
            line(out, header.name(), header.value());
        }
        return out.append("\r\n").toString().getBytes(StandardCharsets.UTF_8);
    }

    /** {@code Event:}, {@code Privilege: <class>,all} (when the event has a class), then its fields. */
    static byte[] render(ManagerEvent event) {
        StringBuilder out = new StringBuilder(512);
        line(out, "Event", event.name());
        if (event.eventClass() != null) {
            line(out, "Privilege", event.eventClass() + ",all");
        }
        for (ManagerEvent.Field field : event.fields()) {
            line(out, field.name(), field.value());
        }
        return out.append("\r\n").toString().getBytes(StandardCharsets.UTF_8);
    }

    /** An address as Asterisk's security events show it: {@code IPV4/TCP/127.0.0.1/5038}. */
    static String address(SocketAddress address) {
        if (address instanceof InetSocketAddress inet && inet.getAddress() != null) {
            String family = inet.getAddress() instanceof Inet6Address ? "IPV6" : "IPV4";
            return family + "/TCP/" + inet.getAddress().getHostAddress() + "/" + inet.getPort();
        }
        return "IPV4/TCP/0.0.0.0/0";
    }

    private static void line(StringBuilder out, String name, String value) {
        out.append(name).append(": ").append(value == null ? "" : value).append("\r\n");
    }
}
