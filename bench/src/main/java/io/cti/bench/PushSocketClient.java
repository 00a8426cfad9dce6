package io.cti.bench;

import org.HdrHistogram.Recorder;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.atomic.AtomicLong;

/**
 * One desktop's push socket in the fan-out benchmark (the JDK's java.net.http.WebSocket, logged in by session cookie):
 * an agent's or a supervisor's. It times each screen-pop from the moment the driver published it (the driver's
 * {@code published} stamps, same JVM, {@link System#nanoTime()}) and, on a wallboard, each agent state from its
 * {@code occurredAt}; it counts frames, and pops that reach the wrong socket. It can stop reading, as a stuck tab does
 * (it then asks the socket for nothing more), and start again to see how the server ended it. Thread-safe.
 */
final class PushSocketClient implements WebSocket.Listener {

    private static final String POP = "{\"type\":\"pop\"";
    private static final String AGENT_STATE = "{\"type\":\"agent-state\"";

    private final String username;
    private final String agentId;
    private final Map<String, Long> published;
    private final Recorder pops;
    private final Recorder wallboardStates;
    private final StringBuilder partial = new StringBuilder();
    private final AtomicLong frames = new AtomicLong();
    private final AtomicLong ownPops = new AtomicLong();
    private final AtomicLong foreignPops = new AtomicLong();
    private final CompletableFuture<Integer> closed = new CompletableFuture<>();
    private final boolean mayStop;
    private volatile boolean reading = true;
    private volatile boolean timed = true;
    private volatile WebSocket socket;

    private PushSocketClient(String username, String agentId, boolean mayStop, Map<String, Long> published,
                             Recorder pops, Recorder wallboardStates) {
        this.username = username;
        this.mayStop = mayStop;
        this.agentId = agentId;
        this.published = published;
        this.pops = pops;
        this.wallboardStates = wallboardStates;
    }

    /**
     * Starts opening {@code /ws} on {@code base} (http://host:port) as a browser on the console's pages would. A
     * socket that {@code mayStop} reading asks for one frame at a time (so that it can stop); the others ask for
     * everything at once, as a browser reads, and spare the client the per-frame demand.
     */
    static CompletableFuture<PushSocketClient> open(HttpClient http, String base, String cookie, String username,
                                                    String agentId, boolean mayStop, Map<String, Long> published,
                                                    Recorder pops, Recorder wallboardStates) {
        PushSocketClient client = new PushSocketClient(username, agentId, mayStop, published, pops, wallboardStates);
        return http.newWebSocketBuilder().connectTimeout(Duration.ofSeconds(30)).header("Cookie", cookie)
                .header("Origin", base).buildAsync(URI.create(base.replaceFirst("^http", "ws") + "/ws"), client)
                .thenApply(socket -> {
                    client.socket = socket;
                    return client;
                });
    }

    String username() {
        return username;
    }

    long frames() {
        return frames.get();
    }

    long ownPops() {
        return ownPops.get();
    }

    long foreignPops() {
        return foreignPops.get();
    }

    /** Stops asking for frames: the server's frames pile up in the network and then in its send queue. */
    void stopReading() {
        if (!mayStop) {
            throw new IllegalStateException(username + "'s socket was opened to read everything");
        }
        reading = false;
        timed = false;
    }

    /** Reads again, to the end: the frames buffered in the network, then the close the server sent. */
    void resumeReading() {
        reading = true;
        socket.request(Long.MAX_VALUE);
    }

    /** The close code the server sent, or -1 for an error; completes when the socket ends. */
    CompletableFuture<Integer> closed() {
        return closed;
    }

    void close() {
        if (!socket.isOutputClosed()) {
            socket.sendClose(WebSocket.NORMAL_CLOSURE, "bench done").exceptionally(e -> null);
        }
        socket.abort();
    }

    @Override
    public void onOpen(WebSocket webSocket) {
        webSocket.request(mayStop ? 1 : Long.MAX_VALUE);
    }

    @Override
    public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
        partial.append(data);
        if (last) {
            long now = System.nanoTime();
            String text = partial.toString();
            partial.setLength(0);
            frames.incrementAndGet();
            if (text.startsWith(POP)) {
                pop(text, now);
            } else if (agentId == null && text.startsWith(AGENT_STATE)) {
                wallboardState(text);
            }
        }
        if (mayStop && reading) {
            webSocket.request(1);
        }
        return null;
    }

    private void pop(String text, long receivedNanos) {
        if (agentId == null || !agentId.equals(field(text, "agentId"))) {
            foreignPops.incrementAndGet();
            return;
        }
        ownPops.incrementAndGet();
        Long sent = published.remove(field(text, "callId"));
        if (sent != null && timed) {
            pops.recordValue(Math.max(0, (receivedNanos - sent) / 1_000));
        }
    }

    private void wallboardState(String text) {
        // Only the driver's agents are timed: it stamps occurredAt just before it publishes (this JVM's clock).
        String agent = field(text, "agentId");
        String at = field(text, "at");
        if (!timed || at == null || agent == null || !agent.startsWith(PushDriver.AGENT_PREFIX)) {
            return;
        }
        Duration age = Duration.between(Instant.parse(at), Instant.now());
        wallboardStates.recordValue(Math.max(0, age.toNanos() / 1_000));
    }

    /** The string value of the first {@code "name":"..."} in a frame (ids and instants hold no quotes). */
    private static String field(String text, String name) {
        String key = "\"" + name + "\":\"";
        int start = text.indexOf(key);
        if (start < 0) {
            return null;
        }
        start += key.length();
        int end = text.indexOf('"', start);
        return end < 0 ? null : text.substring(start, end);
    }

    @Override
    public CompletionStage<?> onClose(WebSocket webSocket, int statusCode, String reason) {
        closed.complete(statusCode);
        return null;
    }

    @Override
    public void onError(WebSocket webSocket, Throwable error) {
        closed.complete(-1);
    }
}
