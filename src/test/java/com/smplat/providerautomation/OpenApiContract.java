package com.smplat.providerautomation;

import com.fasterxml.jackson.databind.JsonNode;
import com.smplat.providerautomation.support.Json;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.PathItem;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.parser.OpenAPIV3Parser;
import io.swagger.v3.parser.core.models.ParseOptions;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;

/**
 * The service's own {@code GET /api-doc} as the oracle of every answer a test receives through {@link ApiClient}:
 * the status must be declared for the operation, and a JSON body must match the declared schema. An answer to a
 * request that matches no operation (unknown path, wrong method) must be a 4xx {@code {"detail"}}. Only the REST
 * API is checked ({@code /api/} and {@code /sandbox/}); actuator, console and the document itself are not in it.
 */
public final class OpenApiContract {
    private static final Map<String, OpenApiContract> BY_BASE = new ConcurrentHashMap<>();
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private final OpenAPI document;
    private final JsonSchemaCheck schemas;
    private final List<Route> routes = new ArrayList<>();

    private record Route(String template, Pattern pattern, int variables, PathItem item) {
    }

    /** An operation of the document that a request reaches, with its path template. */
    public record Match(String method, String template, Operation operation) {
    }

    private OpenApiContract(OpenAPI document) {
        this.document = document;
        this.schemas = new JsonSchemaCheck(document);
        document.getPaths().forEach((template, item) -> {
            String regex = "\\Q" + template.replaceAll("\\{[^}]+}", "\\\\E[^/]+\\\\Q") + "\\E";
            routes.add(new Route(template, Pattern.compile(regex), template.split("\\{", -1).length - 1, item));
        });
        routes.sort(Comparator.comparingInt(Route::variables));
    }

    /** The document served at {@code base}, fetched and parsed once per service. */
    public static OpenApiContract of(String base) {
        return BY_BASE.computeIfAbsent(base, OpenApiContract::fetch);
    }

    private static OpenApiContract fetch(String base) {
        try {
            HttpResponse<String> served = HTTP.send(HttpRequest.newBuilder(URI.create(base + "/api-doc"))
                    .timeout(Duration.ofSeconds(30)).build(), HttpResponse.BodyHandlers.ofString());
            ParseOptions options = new ParseOptions();
            options.setResolve(true);
            var parsed = new OpenAPIV3Parser().readContents(served.body(), null, options);
            if (parsed.getOpenAPI() == null || !parsed.getMessages().isEmpty()) {
                throw new AssertionError("GET /api-doc is not a valid OpenAPI document: " + parsed.getMessages());
            }
            return new OpenApiContract(parsed.getOpenAPI());
        } catch (IOException e) {
            throw new AssertionError(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }

    public OpenAPI document() {
        return document;
    }

    public static boolean covers(String path) {
        return path.startsWith("/api/") || path.startsWith("/sandbox/");
    }

    /** The operation that {@code method} on {@code rawPath} reaches, if the document has one. */
    public Optional<Match> operation(String method, String rawPath) {
        for (Route route : routes) {
            if (route.pattern().matcher(rawPath).matches()) {
                Operation operation = route.item().readOperationsMap().get(PathItem.HttpMethod.valueOf(method.toUpperCase(Locale.ROOT)));
                if (operation != null) {
                    return Optional.of(new Match(method, route.template(), operation));
                }
            }
        }
        return Optional.empty();
    }

    /** What is wrong with this answer by the document; empty when it conforms. */
    public List<String> violations(String method, String rawPath, int status, String contentType, String body) {
        List<String> problems = new ArrayList<>();
        Optional<Match> match = operation(method, rawPath);
        String code = String.valueOf(status);
        ApiResponse declared;
        if (match.isEmpty()) {
            if (status < 400 || status >= 500) {
                problems.add("no operation " + method + " " + rawPath + " in the document, yet it answered " + status);
                return problems;
            }
            declared = new ApiResponse().content(new io.swagger.v3.oas.models.media.Content().addMediaType("application/json",
                    new MediaType().schema(new io.swagger.v3.oas.models.media.Schema<>().$ref("#/components/schemas/ErrorBody"))));
        } else {
            declared = match.get().operation().getResponses().get(code);
            if (declared == null) {
                declared = match.get().operation().getResponses().getDefault();
            }
            if (declared == null) {
                problems.add(match.get().operation().getOperationId() + " does not declare status " + status
                        + " (declared " + match.get().operation().getResponses().keySet() + ")");
                return problems;
            }
        }
        if (declared.getContent() == null || declared.getContent().isEmpty()) {
            return problems;
        }
        String mediaType = contentType == null ? "" : contentType.split(";", 2)[0].strip().toLowerCase(Locale.ROOT);
        MediaType media = declared.getContent().get(mediaType);
        if (media == null) {
            problems.add(status + " answered Content-Type '" + contentType + "', declared " + declared.getContent().keySet());
            return problems;
        }
        if (mediaType.equals("application/json") || mediaType.endsWith("+json")) {
            JsonNode json;
            try {
                json = Json.MAPPER.readTree(body);
            } catch (IOException e) {
                problems.add(status + " body is not JSON: " + abbreviate(body));
                return problems;
            }
            if (json == null || json.isMissingNode()) {
                problems.add(status + " body is empty, declared JSON");
                return problems;
            }
            schemas.check(media.getSchema(), json, "$", problems);
        }
        return problems;
    }

    public static String abbreviate(String text) {
        return text == null || text.length() <= 300 ? String.valueOf(text) : text.substring(0, 300) + "...";
    }
}
