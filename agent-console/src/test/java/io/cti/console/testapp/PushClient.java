package io.cti.console.testapp;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.net.http.WebSocketHandshakeException;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Predicate;


/**
 * A real WebSocket client of the console's push socket (the JDK's java.net.http.WebSocket) that keeps every frame
 * it receives, or, as a client that stops reading, asks for nothing after the first frame. Thread-safe.
 */
public final class PushClient implements WebSocket.Listener {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final Duration PATIENCE = Duration.ofSeconds(30);

    private final boolean reads;
    private final List<JsonNode> frames = new CopyOnWriteArrayList<>();
    private final AtomicInteger received = new AtomicInteger();
    private final CompletableFuture<Integer> closed = new CompletableFuture<>();
    private final StringBuilder partial = new StringBuilder();
    private volatile boolean keepFrames = true;
    private volatile WebSocket socket;

    private PushClient(boolean reads) {
        this.reads = reads;
    }

    /** Opens a socket to {@code /ws} with the session cookie and Origin given (either may be null). */
    public static PushClient open(int port, String cookie, String origin) {
        return open(port, cookie, origin, true);
    }

    /** Opens a socket that reads the first frame and then stops reading, as a stuck browser tab would. */
    public static PushClient openNotReading(int port, String cookie, String origin) {
        return open(port, cookie, origin, false);
    }

    private static PushClient open(int port, String cookie, String origin, boolean reads) {
        PushClient client = new PushClient(reads);
        WebSocket.Builder builder = HTTP.newWebSocketBuilder().connectTimeout(Duration.ofSeconds(10));
        if (cookie != null) {
            builder.header("Cookie", cookie);
        }
        if (origin != null) {
            builder.header("Origin", origin);
        }
        client.socket = builder.buildAsync(URI.create("ws://localhost:" + port + "/ws"), client).join();
        return client;
    }

    /** The HTTP status of a refused handshake, or empty when the socket opened. */
    public static Optional<Integer> refusal(int port, String cookie, String origin) {
        try {
            PushClient client = open(port, cookie, origin);
            client.close();
            return Optional.empty();
        } catch (CompletionException e) {
            if (e.getCause() instanceof WebSocketHandshakeException refused) {
                return Optional.of(refused.getResponse().statusCode());
            }
            throw e;
        }
    }

    /** Only counts frames from now on (for floods). */
    public void countOnly() {
        keepFrames = false;
    }

    public void send(String json) {
        socket.sendText(json, true).join();
    }

    public List<JsonNode> frames() {
        return List.copyOf(frames);
    }

    public int received() {
        return received.get();
    }

    /** Waits for a frame that satisfies {@code wanted}; fails the test after a generous patience. */
    public JsonNode await(Predicate<JsonNode> wanted) {
        return org.awaitility.Awaitility.await().atMost(PATIENCE).until(() -> frames.stream().filter(wanted).findFirst(), Optional::isPresent)
                .orElseThrow();
    }

    public JsonNode awaitType(String type) {
        return await(frame -> frame.path("type").asString().equals(type));
    }

    /** Starts reading again (a client that stopped), so it sees how its socket ended. */
    public void resumeReading() {
        socket.request(Long.MAX_VALUE);
    }

    /** The close code the server sent, or -1 when the connection just ended; waits for the end. */
    public int awaitClosed() {
        return closed.orTimeout(PATIENCE.toSeconds(), TimeUnit.SECONDS).join();
    }

    public boolean isClosed() {
        return closed.isDone();
    }

    public void close() {
        if (!socket.isOutputClosed()) {
            socket.sendClose(WebSocket.NORMAL_CLOSURE, "bye").exceptionally(e -> null);
        }
        socket.abort();
    }

    @Override
    public void onOpen(WebSocket webSocket) {
        webSocket.request(1);
    }

    @Override
    public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
        partial.append(data);
        if (last) {
            String text = partial.toString();
            partial.setLength(0);
            received.incrementAndGet();
            JsonNode frame = JSON.readTree(text);
            if (keepFrames || !frame.path("type").asString().equals("pop")
                    || frame.path("data").path("routingReason").asString().startsWith("marker")) {
                frames.add(frame);
            }
        }
        if (reads) {
            webSocket.request(1);
        }
        return null;
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
