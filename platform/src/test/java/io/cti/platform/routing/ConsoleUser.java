package io.cti.platform.routing;

import org.awaitility.Awaitility;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.net.CookieManager;
import java.net.HttpCookie;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.WebSocket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Predicate;


/**
 * A person at the web console of a running platform, as their browser is: logs in through the login form (with the
 * CSRF token the login page reads), opens the push socket with the session cookie and the page's origin, keeps every
 * frame, and sends actions over the socket. Thread-safe enough for one test.
 */
final class ConsoleUser implements WebSocket.Listener {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final int port;
    private final CookieManager cookies = new CookieManager();
    private final HttpClient http;
    private final List<JsonNode> frames = new CopyOnWriteArrayList<>();
    private final StringBuilder partial = new StringBuilder();
    private WebSocket socket;

    private ConsoleUser(int port) {
        this.port = port;
        this.http = HttpClient.newBuilder().cookieHandler(cookies).followRedirects(HttpClient.Redirect.NEVER).build();
    }

    /** Logs in through the form and opens the push socket. */
    static ConsoleUser logIn(int port, String username, String password) throws Exception {
        ConsoleUser user = new ConsoleUser(port);
        String token = JSON.readTree(user.get("/api/session").body()).path("csrf").path("token").asString();
        String form = "username=" + encode(username) + "&password=" + encode(password) + "&_csrf=" + encode(token);
        HttpResponse<String> login = user.http.send(HttpRequest.newBuilder(URI.create(user.base() + "/login"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)).build(), HttpResponse.BodyHandlers.ofString());
        if (login.statusCode() != 302 || login.headers().firstValue("Location").orElse("").contains("login.html")) {
            throw new AssertionError("login of " + username + " failed: " + login.headers().firstValue("Location"));
        }
        String cookie = user.cookies.getCookieStore().getCookies().stream().filter(c -> c.getName().equals("JSESSIONID"))
                .map(HttpCookie::getValue).findFirst().orElseThrow();
        user.socket = HttpClient.newHttpClient().newWebSocketBuilder().header("Cookie", "JSESSIONID=" + cookie)
                .header("Origin", user.base()).buildAsync(URI.create("ws://localhost:" + port + "/ws"), user).join();
        return user;
    }

    HttpResponse<String> get(String path) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create(base() + path)).GET().build(),
                HttpResponse.BodyHandlers.ofString());
    }

    void send(String json) {
        socket.sendText(json, true).join();
    }

    JsonNode await(Duration patience, Predicate<JsonNode> wanted) {
        return Awaitility.await().atMost(patience).until(() -> frames.stream().filter(wanted).findFirst(), Optional::isPresent)
                .orElseThrow();
    }

    static Predicate<JsonNode> type(String type) {
        return frame -> frame.path("type").asString().equals(type);
    }

    void close() {
        socket.abort();
    }

    @Override
    public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
        partial.append(data);
        if (last) {
            frames.add(JSON.readTree(partial.toString()));
            partial.setLength(0);
        }
        webSocket.request(1);
        return null;
    }

    private String base() {
        return "http://localhost:" + port;
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
