package io.cti.pbxsim.testing;

import java.util.ArrayList;
import java.util.List;

/** One AMI message as seen on the wire (or in a recording): its header lines in order. Immutable. */
public record WireMessage(List<Header> headers) {

    public record Header(String name, String value) {
    }

    public WireMessage {
        headers = List.copyOf(headers);
    }

    /** Parses {@code Name: value} lines; the value keeps everything after the first ": ". */
    public static WireMessage parse(List<String> lines) {
        List<Header> headers = new ArrayList<>();
        for (String line : lines) {
            int colon = line.indexOf(": ");
            if (colon < 0) {
                throw new IllegalArgumentException("not a 'Name: value' line: '" + line + "'");
            }
            headers.add(new Header(line.substring(0, colon), line.substring(colon + 2)));
        }
        return new WireMessage(headers);
    }

    /** {@code Response:Success}, {@code Event:Newchannel}: the first header. */
    public String kind() {
        return headers.isEmpty() ? "" : headers.get(0).name() + ":" + headers.get(0).value();
    }

    public boolean isResponse() {
        return !headers.isEmpty() && headers.get(0).name().equals("Response");
    }

    public boolean isEvent(String name) {
        return kind().equals("Event:" + name);
    }

    public String get(String name) {
        for (Header header : headers) {
            if (header.name().equals(name)) {
                return header.value();
            }
        }
        return null;
    }

    public List<String> names() {
        return headers.stream().map(Header::name).toList();
    }

    @Override
    public String toString() {
        StringBuilder out = new StringBuilder();
        for (Header header : headers) {
            out.append(header.name()).append(": ").append(header.value()).append('\n');
        }
        return out.toString();
    }
}
