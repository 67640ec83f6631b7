package com.smplat.providerautomation;

import com.fasterxml.jackson.databind.JsonNode;
import com.smplat.providerautomation.support.Json;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/**
 * A plain HTTP client for the running service under test (no Spring test client, so nothing is mocked). Every
 * answer from the REST API is checked against the service's own OpenAPI document ({@link OpenApiContract}): a
 * status the document does not declare, or a body that does not match its schema, fails the test.
 */
public final class ApiClient {
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final String base;

    public ApiClient(int port) {
        this.base = "http://127.0.0.1:" + port;
    }

    public record Reply(int status, String body, HttpResponse<String> raw) {
        public JsonNode json() {
            try {
                return Json.MAPPER.readTree(body);
            } catch (IOException e) {
                throw new AssertionError("not JSON: " + body, e);
            }
        }
    }

    public HttpRequest.Builder request(String path) {
        return HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(30));
    }

    public Reply send(HttpRequest.Builder request) {
        Reply reply = sendUnchecked(request);
        conform(reply.raw().request(), reply.status(), reply.raw().headers().firstValue("Content-Type").orElse(null), reply.body());
        return reply;
    }

    /** Fails when the answer contradicts the OpenAPI document served by this service. */
    public void conform(HttpRequest request, int status, String contentType, String body) {
        String path = request.uri().getRawPath();
        if (OpenApiContract.covers(path)) {
            var violations = OpenApiContract.of(base).violations(request.method(), path, status, contentType, body);
            if (!violations.isEmpty()) {
                throw new AssertionError("The answer to " + request.method() + " " + request.uri().getRawPath()
                        + " contradicts /api-doc: " + violations + "; body: " + OpenApiContract.abbreviate(body));
            }
        }
    }

    /** Sends without checking the answer against the document (for the document itself). */
    public Reply sendUnchecked(HttpRequest.Builder request) {
        try {
            HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
            return new Reply(response.statusCode(), response.body(), response);
        } catch (IOException e) {
            throw new AssertionError(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }

    /** GET with the operator key. */
    public Reply get(String path) {
        return send(request(path).header("X-API-Key", ServiceTest.API_KEY).GET());
    }

    /** POST of a JSON body with the operator key. */
    public Reply postJson(String path, String json) {
        return send(request(path).header("X-API-Key", ServiceTest.API_KEY).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json)));
    }
}
