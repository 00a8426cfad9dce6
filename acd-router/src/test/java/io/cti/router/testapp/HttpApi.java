package io.cti.router.testapp;

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

/**
 * A client of the router definition API over real HTTP (java.net.http), with just enough helpers for readable tests.
 * Thread-safe.
 */
public final class HttpApi {

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final String base;

    public HttpApi(int port) {
        this.base = "http://localhost:" + port;
    }

    /** A response with its body read as JSON (null when the body is not JSON). */
    public record Response(int status, java.net.http.HttpHeaders headers, String body, JsonNode json) {

        public JsonNode path(String pointer) {
            return json.at(pointer);
        }
    }

    public static String toJson(Object value) {
        return JSON.writeValueAsString(value);
    }

    public static String encode(String parameter) {
        return URLEncoder.encode(parameter, StandardCharsets.UTF_8);
    }

    public Response get(String path) {
        return send(request(path).GET().build());
    }

    public Response post(String path, Object body) {
        return postText(path, body instanceof String text ? text : toJson(body));
    }

    public Response postText(String path, String json) {
        return send(request(path).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json, StandardCharsets.UTF_8)).build());
    }

    /** Posts with no Content-Length: the body travels chunked. */
    public Response postChunked(String path, String json) {
        byte[] bytes = json.getBytes(StandardCharsets.UTF_8);
        return send(request(path).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(bytes))).build());
    }

    public Response put(String path, Object body, String... headers) {
        return putText(path, toJson(body), headers);
    }

    public Response putText(String path, String json, String... headers) {
        HttpRequest.Builder builder = request(path).header("Content-Type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofString(json, StandardCharsets.UTF_8));
        if (headers.length > 0) {
            builder.headers(headers);
        }
        return send(builder.build());
    }

    public Response postEmpty(String path) {
        return send(request(path).POST(HttpRequest.BodyPublishers.noBody()).build());
    }

    /** The field paths of the error body's fieldErrors, in order. */
    public static java.util.List<String> fields(Response response) {
        return response.json().path("fieldErrors").values().stream().map(e -> e.path("field").asString()).toList();
    }

    /** The codes of the error body's fieldErrors, in order. */
    public static java.util.List<String> codes(Response response) {
        return response.json().path("fieldErrors").values().stream().map(e -> e.path("code").asString()).toList();
    }

    public Response send(HttpRequest request) {
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

    public HttpRequest.Builder request(String path) {
        return HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(30))
                .header("Accept", "application/json");
    }

    private static JsonNode parse(HttpResponse<String> response) {
        boolean json = response.headers().firstValue("Content-Type").filter(t -> t.contains("json")).isPresent();
        return json && !response.body().isEmpty() ? JSON.readTree(response.body()) : null;
    }
}
