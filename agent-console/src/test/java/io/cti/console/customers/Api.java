package io.cti.console.customers;

import io.cti.console.testapp.TestUsers;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;

/**
 * A client of the customer API over real HTTP (java.net.http), with just enough helpers for readable tests. It is
 * the tests' API client user ({@link TestUsers#CLERK}) and says so with HTTP Basic on every request. Thread-safe.
 */
final class Api {

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final String CREDENTIALS = "Basic " + Base64.getEncoder().encodeToString(
            (TestUsers.CLERK + ":" + TestUsers.PASSWORD).getBytes(StandardCharsets.UTF_8));

    private final String base;

    Api(int port) {
        this.base = "http://localhost:" + port;
    }

    /** A response with its body read as JSON (null when the body is not JSON). */
    record Response(int status, java.net.http.HttpHeaders headers, String body, JsonNode json) {

        JsonNode path(String pointer) {
            return json.at(pointer);
        }
    }

    static String toJson(Object value) {
        return JSON.writeValueAsString(value);
    }

    static String encode(String parameter) {
        return URLEncoder.encode(parameter, StandardCharsets.UTF_8);
    }

    Response get(String path) {
        return send(request(path).GET().build());
    }

    Response post(String path, Object body) {
        return postText(path, body instanceof String text ? text : toJson(body));
    }

    Response postText(String path, String json) {
        return send(request(path).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json, StandardCharsets.UTF_8)).build());
    }

    /** Posts with no Content-Length: the body travels chunked. */
    Response postChunked(String path, String json) {
        byte[] bytes = json.getBytes(StandardCharsets.UTF_8);
        return send(request(path).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(bytes))).build());
    }

    Response put(String path, Object body, String... headers) {
        HttpRequest.Builder builder = request(path).header("Content-Type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofString(toJson(body), StandardCharsets.UTF_8));
        if (headers.length > 0) {
            builder.headers(headers);
        }
        return send(builder.build());
    }

    Response send(HttpRequest request) {
        try {
            HttpResponse<String> response = HTTP.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
            return new Response(response.statusCode(), response.headers(), response.body(), parse(response));
        } catch (IOException e) {
            throw new IllegalStateException("request to " + request.uri() + " failed", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while calling " + request.uri(), e);
        }
    }

    HttpRequest.Builder request(String path) {
        return HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(30))
                .header("Accept", "application/json").header("Authorization", CREDENTIALS);
    }

    private static JsonNode parse(HttpResponse<String> response) {
        boolean json = response.headers().firstValue("Content-Type").filter(t -> t.contains("json")).isPresent();
        return json && !response.body().isEmpty() ? JSON.readTree(response.body()) : null;
    }
}
