package io.cti.pbxsim.testing;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;

/**
 * A plain-socket AMI client for tests: sends exact bytes, reads the banner and messages, and insists on CR LF
 * line ends. Not thread-safe; one per test connection.
 */
public final class AmiTestClient implements AutoCloseable {

    private final Socket socket;
    private final InputStream in;
    private final OutputStream out;

    private AmiTestClient(Socket socket) throws IOException {
        this.socket = socket;
        this.in = socket.getInputStream();
        this.out = socket.getOutputStream();
    }

    public static AmiTestClient connect(int port) {
        try {
            Socket socket = new Socket();
            socket.connect(new InetSocketAddress("127.0.0.1", port), 2000);
            socket.setTcpNoDelay(true);
            return new AmiTestClient(socket);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Connects and reads the banner line. */
    public static AmiTestClient connected(int port) {
        AmiTestClient client = connect(port);
        String banner = client.readLine(Duration.ofSeconds(5));
        if (!"Asterisk Call Manager/9.0.0".equals(banner)) {
            throw new IllegalStateException("unexpected banner: " + banner);
        }
        return client;
    }

    /**
     * Connects, reads the banner and logs in with a plain secret and events on; returns once the login's
     * SuccessfulAuth event has been read.
     */
    public static AmiTestClient loggedIn(int port, String user, String secret) {
        AmiTestClient client = connected(port);
        client.send("Action: Login\r\nUsername: " + user + "\r\nSecret: " + secret + "\r\nEvents: on\r\n\r\n");
        List<WireMessage> messages = client.readUntil(m -> m.isEvent("SuccessfulAuth"), Duration.ofSeconds(5));
        if (!"Success".equals(messages.get(0).get("Response"))) {
            throw new IllegalStateException("login failed: " + messages.get(0));
        }
        return client;
    }

    public void send(String text) {
        send(text.getBytes(StandardCharsets.UTF_8));
    }

    public void send(byte[] bytes) {
        try {
            out.write(bytes);
            out.flush();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The next message, or null if none arrives within {@code timeout}. */
    public WireMessage read(Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        List<String> lines = new ArrayList<>();
        while (true) {
            long left = deadline - System.nanoTime();
            String line = readLine(Duration.ofNanos(Math.max(left, 1_000_000)));
            if (line == null) {
                if (!lines.isEmpty()) {
                    throw new IllegalStateException("message cut off after " + lines);
                }
                return null;
            }
            if (line.isEmpty()) {
                return WireMessage.parse(lines);
            }
            lines.add(line);
        }
    }

    /**
     * Reads messages up to and including the first matching one, skipping none; what came before is returned
     * too (the match is last).
     */
    public List<WireMessage> readUntil(Predicate<WireMessage> last, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        List<WireMessage> messages = new ArrayList<>();
        while (true) {
            WireMessage message = read(Duration.ofNanos(Math.max(deadline - System.nanoTime(), 1_000_000)));
            if (message == null) {
                throw new IllegalStateException("timed out; received so far: " + messages);
            }
            messages.add(message);
            if (last.test(message)) {
                return messages;
            }
        }
    }

    /** True once the server closed the connection (reads end), within {@code timeout}. */
    public boolean closedByServer(Duration timeout) {
        try {
            socket.setSoTimeout((int) Math.max(1, timeout.toMillis()));
            return in.read() < 0;
        } catch (SocketTimeoutException e) {
            return false;
        } catch (IOException e) {
            return true;
        }
    }

    /** One CR LF line without its end, or null on timeout; a bare LF is an error. */
    public String readLine(Duration timeout) {
        ByteArrayOutputStream line = new ByteArrayOutputStream();
        try {
            socket.setSoTimeout((int) Math.max(1, timeout.toMillis()));
            int previous = -1;
            while (true) {
                int b = in.read();
                if (b < 0) {
                    throw new IllegalStateException("connection closed; partial line: " + line);
                }
                if (b == '\n') {
                    if (previous != '\r') {
                        throw new IllegalStateException("line ended by a bare LF: " + line);
                    }
                    byte[] bytes = line.toByteArray();
                    return new String(bytes, 0, bytes.length - 1, StandardCharsets.UTF_8);
                }
                line.write(b);
                previous = b;
            }
        } catch (SocketTimeoutException e) {
            if (line.size() > 0) {
                throw new IllegalStateException("timed out inside a line: " + line);
            }
            return null;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        try {
            socket.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
