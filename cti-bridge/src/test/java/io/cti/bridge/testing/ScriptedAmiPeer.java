package io.cti.bridge.testing;

import java.io.BufferedReader;
import java.io.ByteArrayOutputStream;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A minimal AMI server for tests that answers the way the recorded Asterisk 20.20.1 does (banner, MD5 challenge
 * login, CoreSettings, Ping, CoreShowChannels, Getvar, Logoff, any other action with Success), records every byte
 * each client sent, and can misbehave on demand: fall silent without closing (a half-open link), drop every
 * connection, or replay recorded server bytes after the login. Its threads are named {@code peer-*}. Thread-safe.
 */
public final class ScriptedAmiPeer implements AutoCloseable {

    private static final String CRLF = "\r\n";

    private final ServerSocket server;
    private final List<Connection> connections = new CopyOnWriteArrayList<>();
    private final AtomicInteger logins = new AtomicInteger();
    private final AtomicInteger pings = new AtomicInteger();
    private final Thread acceptor;
    private volatile boolean silentForNewConnections;
    private volatile boolean ignorePings;
    private volatile byte[] afterLogin = new byte[0];
    private volatile List<Map<String, String>> channels = List.of();
    private volatile Map<String, String> variables = Map.of();

    public ScriptedAmiPeer() throws IOException {
        server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        acceptor = new Thread(this::acceptLoop, "peer-accept");
        acceptor.setDaemon(true);
        acceptor.start();
    }

    public int port() {
        return server.getLocalPort();
    }

    public int logins() {
        return logins.get();
    }

    public int pingsAnswered() {
        return pings.get();
    }

    /** Bytes written to each client right after its login succeeded (e.g. a recorded event stream). */
    public void afterLogin(byte[] bytes) {
        afterLogin = bytes.clone();
    }

    /** The channels CoreShowChannels lists, each as headers (Channel, Uniqueid, Linkedid, Context...). */
    public void channels(List<Map<String, String>> listed) {
        channels = List.copyOf(listed);
    }

    /** The values Getvar answers, by variable name. */
    public void variables(Map<String, String> values) {
        variables = Map.copyOf(values);
    }

    /** Every open connection stops answering and writing, without closing: a half-open link. */
    public void fallSilent() {
        connections.forEach(connection -> connection.silent = true);
    }

    /** While set, Ping actions get no answer at all (everything else is answered as usual). */
    public void ignorePings(boolean ignore) {
        ignorePings = ignore;
    }

    /** Later connections are silent from the start (the banner is never sent). */
    public void silentForNewConnections(boolean silent) {
        silentForNewConnections = silent;
    }

    /** Closes every client connection, as a PBX restart would. */
    public void dropAll() {
        connections.forEach(Connection::close);
    }

    /** Writes one event frame (header lines without the final blank line) to every answering connection. */
    public void emit(String... headerLines) {
        String frame = String.join(CRLF, headerLines) + CRLF + CRLF;
        connections.stream().filter(connection -> !connection.closed).forEach(connection -> connection.write(frame));
    }

    public int openConnections() {
        return (int) connections.stream().filter(connection -> !connection.closed).count();
    }

    /** Everything client number {@code index} (0 = first) sent, decoded as UTF-8. */
    public String received(int index) {
        return connections.get(index).received();
    }

    /** Everything every client sent, decoded as UTF-8. */
    public String receivedByAll() {
        StringBuilder all = new StringBuilder();
        connections.forEach(connection -> all.append(connection.received()));
        return all.toString();
    }

    @Override
    public void close() throws IOException {
        server.close();
        dropAll();
    }

    private void acceptLoop() {
        int count = 0;
        while (!server.isClosed()) {
            try {
                Socket socket = server.accept();
                Connection connection = new Connection(socket, silentForNewConnections);
                connections.add(connection);
                Thread handler = new Thread(() -> connection.serve(), "peer-connection-" + count++);
                handler.setDaemon(true);
                handler.start();
            } catch (IOException e) {
                if (!server.isClosed()) {
                    throw new IllegalStateException("scripted AMI peer failed to accept", e);
                }
            }
        }
    }

    private final class Connection {

        private final Socket socket;
        private final ByteArrayOutputStream received = new ByteArrayOutputStream();
        private volatile boolean silent;
        private volatile boolean closed;
        private OutputStream out;

        Connection(Socket socket, boolean silent) {
            this.socket = socket;
            this.silent = silent;
        }

        void serve() {
            try (socket) {
                out = socket.getOutputStream();
                BufferedReader in = new BufferedReader(new InputStreamReader(new Tee(socket.getInputStream()),
                        StandardCharsets.UTF_8));
                write("Asterisk Call Manager/9.0.0" + CRLF);
                Map<String, String> frame;
                while ((frame = readFrame(in)) != null) {
                    if (!silent) {
                        answer(frame);
                    }
                }
            } catch (SocketException e) {
                // The client or the test closed the connection: the normal way for it to end.
                closed = true;
            } catch (IOException e) {
                throw new IllegalStateException("scripted AMI peer connection failed", e);
            } finally {
                closed = true;
            }
        }

        private void answer(Map<String, String> frame) {
            String action = frame.getOrDefault("action", "").toLowerCase(Locale.ROOT);
            String id = frame.getOrDefault("actionid", "");
            switch (action) {
                case "challenge" -> write(response(id, "Challenge: 170132840"));
                case "login" -> {
                    write(response(id, "Message: Authentication accepted"));
                    write("Event: FullyBooted" + CRLF + "Privilege: system,all" + CRLF + "Uptime: 8" + CRLF
                            + "LastReload: 8" + CRLF + "Status: Fully Booted" + CRLF + CRLF);
                    logins.incrementAndGet();
                    writeBytes(afterLogin);
                }
                case "coresettings" -> write(response(id, "AMIversion: 9.0.0", "AsteriskVersion: 20.20.1",
                        "SystemName: ", "CoreMaxCalls: 0", "CoreMaxLoadAvg: 0.000000", "CoreRunUser: ",
                        "CoreRunGroup: ", "CoreMaxFilehandles: 0", "CoreRealTimeEnabled: No", "CoreCDRenabled: Yes",
                        "CoreHTTPenabled: No", "SoundsSearchCustomDir: No"));
                case "ping" -> {
                    if (ignorePings) {
                        return;
                    }
                    write(response(id, "Ping: Pong", "Timestamp: 1795598333.819459"));
                    pings.incrementAndGet();
                }
                case "coreshowchannels" -> listChannels(id);
                case "getvar" -> {
                    String name = frame.getOrDefault("variable", "");
                    write(response(id, "Variable: " + name, "Value: " + variables.getOrDefault(name, "")));
                }
                case "logoff" -> {
                    write("Response: Goodbye" + CRLF + "ActionID: " + id + CRLF + "Message: Thanks for all the fish."
                            + CRLF + CRLF);
                    close();
                }
                default -> write(response(id, "Message: OK"));
            }
        }

        private void listChannels(String id) {
            List<Map<String, String>> listed = channels;
            write("Response: Success" + CRLF + "ActionID: " + id + CRLF + "EventList: start" + CRLF
                    + "Message: Channels will follow" + CRLF + CRLF);
            for (Map<String, String> channel : listed) {
                StringBuilder event = new StringBuilder("Event: CoreShowChannel" + CRLF + "ActionID: " + id + CRLF);
                channel.forEach((name, value) -> event.append(name).append(": ").append(value).append(CRLF));
                write(event.append(CRLF).toString());
            }
            write("Event: CoreShowChannelsComplete" + CRLF + "ActionID: " + id + CRLF + "EventList: Complete" + CRLF
                    + "ListItems: " + listed.size() + CRLF + CRLF);
        }

        private String response(String id, String... lines) {
            StringBuilder text = new StringBuilder("Response: Success" + CRLF + "ActionID: " + id + CRLF);
            for (String line : lines) {
                text.append(line).append(CRLF);
            }
            return text.append(CRLF).toString();
        }

        void write(String text) {
            writeBytes(text.getBytes(StandardCharsets.UTF_8));
        }

        synchronized void writeBytes(byte[] bytes) {
            if (silent || closed || bytes.length == 0) {
                return;
            }
            try {
                out.write(bytes);
                out.flush();
            } catch (IOException e) {
                closed = true;
            }
        }

        private Map<String, String> readFrame(BufferedReader in) throws IOException {
            Map<String, String> frame = new LinkedHashMap<>();
            String line;
            while ((line = in.readLine()) != null) {
                if (line.isEmpty()) {
                    if (!frame.isEmpty()) {
                        return frame;
                    }
                    continue;
                }
                int colon = line.indexOf(':');
                if (colon > 0) {
                    frame.putIfAbsent(line.substring(0, colon).trim().toLowerCase(Locale.ROOT),
                            line.substring(colon + 1).trim());
                }
            }
            return null;
        }

        void close() {
            closed = true;
            try {
                socket.close();
            } catch (IOException e) {
                // Closing is all the test asked for; a failure means it is already closed.
                closed = true;
            }
        }

        String received() {
            synchronized (received) {
                return received.toString(StandardCharsets.UTF_8);
            }
        }

        /** Copies every byte the client sends into {@link #received}. */
        private final class Tee extends FilterInputStream {

            Tee(InputStream in) {
                super(in);
            }

            @Override
            public int read() throws IOException {
                int b = super.read();
                if (b >= 0) {
                    synchronized (received) {
                        received.write(b);
                    }
                }
                return b;
            }

            @Override
            public int read(byte[] buffer, int offset, int length) throws IOException {
                int n = super.read(buffer, offset, length);
                if (n > 0) {
                    synchronized (received) {
                        received.write(buffer, offset, n);
                    }
                }
                return n;
            }
        }
    }

    /** Headers of a listed channel, in the order a real CoreShowChannel event carries them. */
    public static Map<String, String> channel(String name, String uniqueId, String linkedId, String context,
                                              String exten, String callerIdNum) {
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("Channel", name);
        headers.put("ChannelState", "6");
        headers.put("ChannelStateDesc", "Up");
        headers.put("CallerIDNum", callerIdNum);
        headers.put("CallerIDName", "<unknown>");
        headers.put("Context", context);
        headers.put("Exten", exten);
        headers.put("Priority", "1");
        headers.put("Uniqueid", uniqueId);
        headers.put("Linkedid", linkedId);
        headers.put("Application", "Wait");
        headers.put("ApplicationData", "600");
        headers.put("Duration", "00:00:02");
        headers.put("BridgeId", "");
        return headers;
    }

    /** For assertions: every action name each client sent, in order. */
    public List<String> actionsReceived() {
        List<String> actions = new ArrayList<>();
        for (String line : receivedByAll().split("\r\n")) {
            // asterisk-java writes header names in lower case ("action: Login"); Asterisk does not mind.
            if (line.toLowerCase(Locale.ROOT).startsWith("action:")) {
                actions.add(line.substring("action:".length()).trim());
            }
        }
        return actions;
    }
}
