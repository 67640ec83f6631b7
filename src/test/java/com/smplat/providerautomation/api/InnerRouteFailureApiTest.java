package com.smplat.providerautomation.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.smplat.providerautomation.ApiClient;
import com.smplat.providerautomation.ServiceTest;
import java.net.http.HttpRequest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.camel.CamelContext;
import org.apache.camel.builder.AdviceWith;
import org.apache.camel.model.Model;
import org.apache.camel.model.ProcessorDefinitionHelper;
import org.apache.camel.model.RouteDefinition;
import org.apache.camel.model.ToDefinition;
import org.apache.camel.test.spring.junit5.UseAdviceWith;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.TestPropertySource;

/**
 * Every REST operation answers, as JSON {@code {"detail"}} within seconds, when a route it calls through
 * {@code direct:} throws: each such route is made to throw at its first step and each REST route to call one of
 * them first (an operation that calls none throws at its own first step). The test has a context of its own (its
 * own database directory, no schedules), whose Camel starts only once the routes are changed, and which is closed
 * afterwards.
 */
@ServiceTest
@UseAdviceWith
// no schedules: Quartz keeps one scheduler per name in the JVM, and closing this context would stop the shared one
@TestPropertySource(properties = {"EMBEDDED_POSTGRES_DIR=target/test-postgres/inner-route-failures",
        "camel.main.routes-exclude-pattern=**/*-schedules.yaml"})
@DirtiesContext(classMode = DirtiesContext.ClassMode.AFTER_CLASS)
class InnerRouteFailureApiTest {
    private static final Duration ANSWER_WITHIN = Duration.ofSeconds(5);

    @LocalServerPort
    int port;

    @Autowired
    CamelContext camel;

    private final Map<String, AtomicInteger> innerCalls = new ConcurrentHashMap<>();

    @Test
    void everyRestOperationAnswersWithJsonDetailWhenTheRouteItCallsThrows() throws Exception {
        List<RouteDefinition> restRoutes = new ArrayList<>();
        Map<String, String> innerRouteByUri = new LinkedHashMap<>();
        for (RouteDefinition route : camel.getCamelContextExtension().getContextPlugin(Model.class).getRouteDefinitions()) {
            if (Boolean.TRUE.equals(route.isRest()) && route.getInput().getEndpointUri().startsWith("rest:")) {
                restRoutes.add(route);
            } else if (route.getInput().getEndpointUri().startsWith("direct:")) {
                innerRouteByUri.put(route.getInput().getEndpointUri(), route.getRouteId());
            }
        }
        assertThat(camel.isStarted()).as("Camel waits for the advice (@UseAdviceWith)").isFalse();
        assertThat(restRoutes).as("REST operations").hasSizeGreaterThan(15);

        Map<String, String> forcedInnerOf = new LinkedHashMap<>();
        Set<String> innerRoutes = new LinkedHashSet<>();
        for (RouteDefinition rest : restRoutes) {
            ProcessorDefinitionHelper.filterTypeInOutputs(rest.getOutputs(), ToDefinition.class).stream()
                    .map(ToDefinition::getEndpointUri).filter(innerRouteByUri::containsKey).findFirst()
                    .ifPresent(uri -> {
                        forcedInnerOf.put(rest.getRouteId(), uri);
                        innerRoutes.add(innerRouteByUri.get(uri));
                    });
        }
        assertThat(innerRoutes).as("routes the REST operations call").isNotEmpty();
        for (String inner : innerRoutes) {
            AtomicInteger calls = innerCalls.computeIfAbsent(inner, id -> new AtomicInteger());
            AdviceWith.adviceWith(camel, inner, advice -> advice.weaveAddFirst()
                    .process(exchange -> calls.incrementAndGet())
                    .throwException(new IllegalStateException("forced failure of " + inner)));
        }
        List<String[]> operations = new ArrayList<>();
        for (RouteDefinition rest : restRoutes) {
            String inner = forcedInnerOf.get(rest.getRouteId());
            AdviceWith.adviceWith(camel, rest.getRouteId(), advice -> {
                if (inner == null) {
                    advice.weaveAddFirst().throwException(new IllegalStateException("forced failure of " + rest.getRouteId()));
                } else {
                    advice.weaveAddFirst().to(inner);
                }
            });
            operations.add(operation(rest));
        }
        camel.start();

        ApiClient api = new ApiClient(port);
        List<String> failures = new ArrayList<>();
        for (String[] operation : operations) {
            String method = operation[0];
            String path = operation[1];
            String inner = forcedInnerOf.get(operation[2]);
            int innerBefore = inner == null ? 0 : innerCalls.get(innerRouteByUri.get(inner)).get();
            long start = System.nanoTime();
            ApiClient.Reply reply;
            try {
                reply = api.send(api.request(path).timeout(ANSWER_WITHIN)
                        .header("X-API-Key", ServiceTest.API_KEY)
                        .header("Authorization", "Bearer " + ServiceTest.TRIGGER_TOKEN)
                        .header("Content-Type", "application/json")
                        .method(method.toUpperCase(), method.equals("get") ? HttpRequest.BodyPublishers.noBody()
                                : HttpRequest.BodyPublishers.ofString("{}")));
            } catch (AssertionError e) {
                failures.add(method + " " + path + ": no answer within " + ANSWER_WITHIN.toSeconds() + " s (" + e.getCause() + ")");
                continue;
            }
            Duration took = Duration.ofNanos(System.nanoTime() - start);
            JsonNode body = jsonOrNull(reply.body());
            if (reply.status() < 400 || body == null || !body.path("detail").isTextual()) {
                failures.add(method + " " + path + ": " + reply.status() + " " + reply.body());
            } else if (inner != null && innerCalls.get(innerRouteByUri.get(inner)).get() == innerBefore) {
                failures.add(method + " " + path + ": answered " + reply.status() + " before reaching " + inner);
            } else if (took.compareTo(ANSWER_WITHIN) > 0) {
                failures.add(method + " " + path + ": answered after " + took.toMillis() + " ms");
            }
        }
        assertThat(failures).as("operations that did not answer a forced failure with JSON {\"detail\"}").isEmpty();
    }

    /** Method, path (path parameters filled in) and route id of a REST route ({@code rest:post:/base:/sub/{id}?...}). */
    private static String[] operation(RouteDefinition rest) {
        String[] parts = java.net.URLDecoder.decode(rest.getInput().getEndpointUri().split("\\?")[0], java.nio.charset.StandardCharsets.UTF_8).replaceFirst("^rest:(//)?", "").split(":", 3);
        String path = (parts[1] + (parts.length > 2 ? parts[2] : "")).replaceAll("\\{[^}]+}", "00000000-0000-4000-8000-000000000001");
        return new String[] {parts[0], path, rest.getRouteId()};
    }

    private static JsonNode jsonOrNull(String body) {
        try {
            return com.smplat.providerautomation.support.Json.MAPPER.readTree(body);
        } catch (Exception e) {
            return null;
        }
    }
}
