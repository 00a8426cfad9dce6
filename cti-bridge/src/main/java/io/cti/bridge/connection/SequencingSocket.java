package io.cti.bridge.connection;

import org.asteriskjava.util.SocketConnectionFacade;

import java.io.IOException;
import java.net.InetAddress;

/**
 * The socket under an asterisk-java connection, numbering the event frames it reads so that events asterisk-java
 * loses can be counted. asterisk-java's reader builds each event and offers it to a bounded queue (20,000 in 3.41,
 * {@code AsyncEventPump}) that one dispatch thread drains; when the queue is full the event is dropped with only a
 * log line. Every frame asterisk-java will build gets a {@code SequenceNumber} header (replacing one the PBX sent,
 * which the bridge does not use), which asterisk-java copies into the event; the dispatch side then sees a gap for
 * each event lost in between. Frames of types asterisk-java has no class for get no number (they are discarded
 * before the queue) and are reported as unregistered instead.
 * <p>
 * It also stamps the time the last frame was read ({@link #lastReadNanos()}), which is what the link's
 * keep-alive judges liveness by: a link that delivers bytes is alive however far behind asterisk-java's dispatch
 * thread is. {@link #lastReadNanos()} and {@link #numbered()} may be called from any thread; everything else is
 * used by asterisk-java's reader thread only, and the other methods pass straight through.
 */
final class SequencingSocket implements SocketConnectionFacade {

    static final String HEADER = "SequenceNumber";

    private final SocketConnectionFacade socket;
    private final EventTypes types;
    private final EventLoss loss;
    /** Written by the reader thread only; published to other threads by the volatile write of the read stamp. */
    private int sequence;
    /** {@link System#nanoTime()} when the last whole frame (event, response or banner) had been read. */
    private volatile long lastReadNanos = System.nanoTime();
    private String eventType;
    private String userEvent;
    private boolean endOfFramePending;

    SequencingSocket(SocketConnectionFacade socket, EventTypes types, EventLoss loss) {
        this.socket = socket;
        this.types = types;
        this.loss = loss;
    }

    @Override
    public String readLine() throws IOException {
        if (endOfFramePending) {
            endOfFramePending = false;
            return "";
        }
        while (true) {
            String line = socket.readLine();
            if (line == null) {
                return null;
            }
            if (line.isEmpty()) {
                String result = endOfFrame(line);
                // Once per frame, not per line: the volatile write also publishes the sequence number just taken.
                lastReadNanos = System.nanoTime();
                return result;
            }
            // Compared in place: this runs for every line the PBX sends, so it allocates only for the two values
            // it keeps.
            if (isHeader(line, "Event")) {
                eventType = valueOf(line, "Event");
            } else if (isHeader(line, "UserEvent")) {
                userEvent = valueOf(line, "UserEvent");
            } else if (eventType != null && isHeader(line, HEADER)) {
                continue;
            }
            return line;
        }
    }

    /** When the last frame ended, as {@link System#nanoTime()}; the socket's creation until the first one. */
    long lastReadNanos() {
        return lastReadNanos;
    }

    /** The number given to the last numbered event read (0 = none yet); wraps as described in {@link #gap}. */
    int numbered() {
        // Reading the volatile stamp first makes every number taken before the last stamp visible here.
        long stamp = lastReadNanos;
        return sequence;
    }

    private static boolean isHeader(String line, String name) {
        return line.length() > name.length() && line.charAt(name.length()) == ':'
                && line.regionMatches(true, 0, name, 0, name.length());
    }

    private static String valueOf(String line, String name) {
        return line.substring(name.length() + 1).trim();
    }

    private String endOfFrame(String blank) {
        String type = eventType;
        String user = userEvent;
        eventType = null;
        userEvent = null;
        if (type == null) {
            return blank;
        }
        if (!types.builds(type, user)) {
            loss.unregistered(type);
            return blank;
        }
        sequence = sequence == Integer.MAX_VALUE ? 1 : sequence + 1;
        endOfFramePending = true;
        return HEADER + ": " + sequence;
    }

    /** Events lost between the numbered events {@code previous} and {@code next} (0 = none seen yet). */
    static long gap(int previous, int next) {
        if (next > previous) {
            return next - previous - 1L;
        }
        if (previous > Integer.MAX_VALUE - WRAP_WINDOW) {
            // The numbering wrapped (after 2^31 - 1 events), from MAX_VALUE back to 1.
            return (Integer.MAX_VALUE - (long) previous) + (next - 1L);
        }
        // A new socket numbers from 1 again (asterisk-java reconnected on its own): only what it lost counts.
        return next - 1L;
    }

    /** How close to MAX_VALUE a number must be for a smaller next number to mean wrapping rather than a restart. */
    private static final int WRAP_WINDOW = 1 << 24;

    @Override
    public void write(String text) throws IOException {
        socket.write(text);
    }

    @Override
    public void flush() throws IOException {
        socket.flush();
    }

    @Override
    public void close() throws IOException {
        socket.close();
    }

    @Override
    public boolean isConnected() {
        return socket.isConnected();
    }

    @Override
    public InetAddress getLocalAddress() {
        return socket.getLocalAddress();
    }

    @Override
    public int getLocalPort() {
        return socket.getLocalPort();
    }

    @Override
    public InetAddress getRemoteAddress() {
        return socket.getRemoteAddress();
    }

    @Override
    public int getRemotePort() {
        return socket.getRemotePort();
    }
}
