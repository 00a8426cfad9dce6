package io.cti.bench;

import java.io.IOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Logs a benchmark's HTTP client in to a running platform the way the console's login page does (the CSRF token
 * from /api/session, then the login form), so that the measured API calls ride on the session cookie as an agent's
 * desktop does, rather than paying for a password hash on every call as HTTP Basic would. Stateless.
 */
final class ConsoleLogin {

    private static final Pattern TOKEN = Pattern.compile("\"token\"\\s*:\\s*\"([^\"]+)\"");

    private ConsoleLogin() {
    }

    /** An HTTP/1.1 client holding a logged-in session of {@code username} on the platform at {@code base}. */
    static HttpClient loggedIn(String base, String username, String password) throws IOException, InterruptedException {
        HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).cookieHandler(new CookieManager())
                .followRedirects(HttpClient.Redirect.NEVER).connectTimeout(Duration.ofSeconds(5)).build();
        String session = http.send(HttpRequest.newBuilder(URI.create(base + "/api/session")).GET().build(),
                HttpResponse.BodyHandlers.ofString()).body();
        Matcher token = TOKEN.matcher(session);
        if (!token.find()) {
            throw new IllegalStateException("no CSRF token in /api/session: " + session);
        }
        String form = "username=" + encode(username) + "&password=" + encode(password) + "&_csrf=" + encode(token.group(1));
        HttpResponse<String> login = http.send(HttpRequest.newBuilder(URI.create(base + "/login"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)).build(), HttpResponse.BodyHandlers.ofString());
        String target = login.headers().firstValue("Location").orElse("");
        if (login.statusCode() != 302 || target.contains("/login.html")) {
            throw new IllegalStateException("logging in as " + username + " failed: HTTP " + login.statusCode() + " to "
                    + target);
        }
        return http;
    }

    /**
     * Logs {@code username} in on a shared client that keeps no cookies (many users at once) and returns the
     * session's {@code Cookie} header value, as a browser would send it to open the push socket.
     */
    static String sessionCookie(HttpClient http, String base, String username, String password)
            throws IOException, InterruptedException {
        HttpResponse<String> session = http.send(HttpRequest.newBuilder(URI.create(base + "/api/session")).GET().build(),
                HttpResponse.BodyHandlers.ofString());
        String cookie = sessionCookieOf(session).orElseThrow(() -> new IllegalStateException(
                "/api/session set no session cookie: HTTP " + session.statusCode()));
        Matcher token = TOKEN.matcher(session.body());
        if (!token.find()) {
            throw new IllegalStateException("no CSRF token in /api/session: " + session.body());
        }
        String form = "username=" + encode(username) + "&password=" + encode(password) + "&_csrf=" + encode(token.group(1));
        HttpResponse<String> login = http.send(HttpRequest.newBuilder(URI.create(base + "/login"))
                .header("Content-Type", "application/x-www-form-urlencoded").header("Cookie", cookie)
                .POST(HttpRequest.BodyPublishers.ofString(form)).build(), HttpResponse.BodyHandlers.ofString());
        String target = login.headers().firstValue("Location").orElse("");
        if (login.statusCode() != 302 || target.contains("/login.html")) {
            throw new IllegalStateException("logging in as " + username + " failed: HTTP " + login.statusCode() + " to "
                    + target);
        }
        // The login changes the session id (fixation protection): the new cookie is the logged-in one.
        return sessionCookieOf(login).orElse(cookie);
    }

    private static java.util.Optional<String> sessionCookieOf(HttpResponse<?> response) {
        return response.headers().allValues("Set-Cookie").stream().filter(c -> c.startsWith("JSESSIONID="))
                .map(c -> c.substring(0, c.contains(";") ? c.indexOf(';') : c.length())).findFirst();
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
