package io.cti.platform.bridge;

/**
 * Where the bridge logs in to a PBX's Manager Interface: an external Asterisk ({@code cti.bridge.*}) or the
 * embedded pbx-sim (with its per-run account). Immutable and thread-safe; {@link #toString()} hides the secret, so
 * an endpoint may be logged.
 *
 * @param embedded whether the platform started this PBX itself
 */
public record AmiEndpoint(String host, int port, String username, String secret, boolean embedded) {

    /** {@code host:port}, for logs and health details. */
    public String address() {
        return (host.contains(":") ? "[" + host + "]" : host) + ":" + port;
    }

    @Override
    public String toString() {
        return "AmiEndpoint[host=" + host + ", port=" + port + ", username=" + username + ", secret=(hidden)"
                + ", embedded=" + embedded + "]";
    }
}
