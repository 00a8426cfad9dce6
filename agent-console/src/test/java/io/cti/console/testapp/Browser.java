package io.cti.console.testapp;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.io.IOException;
import java.net.CookieManager;
import java.net.HttpCookie;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * One person's browser against the running console, over real HTTP: it keeps its cookies (the session), does not
 * follow redirects (tests look at where they point), logs in through the login form with the CSRF token the login
 * page reads from {@code /api/session}, and sends the token with state-changing API calls when asked. Not
 * thread-safe: one per simulated person.
 */
public final class Browser {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final int port;
    private final CookieManager cookies = new CookieManager();
    private final HttpClient http;

    public Browser(int port) {
        this.port = port;
        this.http = HttpClient.newBuilder().cookieHandler(cookies).followRedirects(HttpClient.Redirect.NEVER)
                .connectTimeout(Duration.ofSeconds(5)).build();
    }

    /** An answer: status, Location (for redirects), body and the body as JSON when it is JSON. */
    public record Page(int status, String location, String body, JsonNode json, HttpHeaders headers) {

        /** The redirect's target path and query, without scheme and host. */
        public String redirect() {
            if (location == null) {
                return null;
            }
            URI uri = URI.create(location);
            return uri.getRawPath() + (uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery());
        }

        public String error() {
            return json == null ? null : json.path("error").asString();
        }
    }

    public String base() {
        return "http://localhost:" + port;
    }

    public Page get(String path) {
        return send(request(path).GET().build());
    }

    /** Logs in through the form as the login page does; returns the answer to the form post. */
    public Page logIn(String username, String password) {
        String token = csrfToken();
        return postForm("/login", Map.of("username", username, "password", password, "_csrf", token));
    }

    /** Logs in and fails the test unless the login succeeded. */
    public Browser loggedInAs(String username, String password) {
        Page page = logIn(username, password);
        if (page.status() != 302 || page.redirect().startsWith("/login.html")) {
            throw new AssertionError("login of " + username + " failed: " + page.status() + " to " + page.location());
        }
        return this;
    }

    public Page postForm(String path, Map<String, String> fields) {
        String form = fields.entrySet().stream().map(e -> encode(e.getKey()) + "=" + encode(e.getValue()))
                .collect(Collectors.joining("&"));
        return send(request(path).header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)).build());
    }

    /** A JSON post with the session's CSRF token in its header, as the console's pages send them. */
    public Page postJson(String path, Object body) {
        return send(request(path).header("Content-Type", "application/json").header("X-CSRF-TOKEN", csrfToken())
                .POST(HttpRequest.BodyPublishers.ofString(json(body))).build());
    }

    /** A JSON request without any CSRF token. */
    public Page sendJsonWithoutCsrf(String method, String path, Object body) {
        return send(request(path).header("Content-Type", "application/json")
                .method(method, HttpRequest.BodyPublishers.ofString(json(body))).build());
    }

    public Page putJson(String path, Object body) {
        return send(request(path).header("Content-Type", "application/json").header("X-CSRF-TOKEN", csrfToken())
                .PUT(HttpRequest.BodyPublishers.ofString(json(body))).build());
    }

    /** The session's current CSRF token (it changes at login). */
    public String csrfToken() {
        return get("/api/session").json().path("csrf").path("token").asString();
    }

    /** The session cookie, as a WebSocket client sends it. */
    public Optional<String> sessionCookie() {
        return cookies.getCookieStore().getCookies().stream().filter(c -> c.getName().equals("JSESSIONID"))
                .map(HttpCookie::getValue).findFirst().map(value -> "JSESSIONID=" + value);
    }

    public Page send(HttpRequest request) {
        try {
            HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
            boolean json = response.headers().firstValue("Content-Type").filter(t -> t.contains("json")).isPresent();
            return new Page(response.statusCode(), response.headers().firstValue("Location").orElse(null),
                    response.body(), json && !response.body().isEmpty() ? JSON.readTree(response.body()) : null,
                    response.headers());
        } catch (IOException e) {
            throw new IllegalStateException("request to " + request.uri() + " failed", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted calling " + request.uri(), e);
        }
    }

    public HttpRequest.Builder request(String path) {
        return HttpRequest.newBuilder(URI.create(base() + path)).timeout(Duration.ofSeconds(30))
                .header("Accept", "application/json, text/html");
    }

    public static String json(Object body) {
        return body instanceof String text ? text : JSON.writeValueAsString(body);
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
