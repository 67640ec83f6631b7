package com.smplat.providerautomation.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.smplat.providerautomation.ApiClient;
import com.smplat.providerautomation.OpenApiContract;
import com.smplat.providerautomation.ServiceTest;
import com.smplat.providerautomation.support.Json;
import java.net.http.HttpRequest;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.sessions.JqwikSession;
import org.junit.jupiter.api.Test;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Property-based fuzzing of every operation of the served OpenAPI document: {@link FuzzRequests} generates requests
 * (jqwik arbitraries) with control characters and odd Unicode, huge and tiny numbers, out-of-range dates, long
 * headers, wrong content types, invalid UTF-8 and {@code null} literals. Every answer must hold:
 * <ul>
 *   <li>never a 5xx, and never slower than 2 s;</li>
 *   <li>a 4xx is a JSON {@code {"detail": "..."}};</li>
 *   <li>it is what the document declares ({@link ApiClient} checks status and schema);</li>
 *   <li>a refused request writes no row: the tables requests write read the same after every run of refusals.</li>
 * </ul>
 * Cases per operation: {@code -Dfuzz.cases} (default 80); seed: {@code -Dfuzz.seed} (printed on failure).
 */
@ServiceTest
class ApiFuzzServiceTest {
    private static final Logger LOG = LoggerFactory.getLogger(ApiFuzzServiceTest.class);
    private static final int CASES = Integer.getInteger("fuzz.cases", 80);
    private static final long SLOWEST_MILLIS = 2000;
    /** The tables a REST request writes; run history and exports also change on their own schedules. */
    private static final List<String> WRITTEN_BY_REQUESTS = List.of("fulfillment_provider_orders", "fulfillment_providers",
            "fulfillment_provider_balances", "provider_guardrail_followup", "provider_guardrail_status", "replay_idempotency_keys");

    @LocalServerPort
    int port;

    @Autowired
    JdbcTemplate jdbc;

    @Test
    void everyOperationAnswersHostileRequestsQuicklyWithADeclaredAnswerAndWritesNothingWhenItRefuses() {
        ApiClient api = new ApiClient(port);
        OpenApiContract contract = OpenApiContract.of("http://127.0.0.1:" + port);
        FuzzRequests requests = new FuzzRequests(contract);
        String seed = System.getProperty("fuzz.seed", String.valueOf(System.nanoTime()));
        List<String> failures = new ArrayList<>();
        Map<String, String> counts = new TreeMap<>();
        long lastRunBefore = jdbc.queryForObject("SELECT COALESCE(max(seq), 0) FROM provider_automation_runs", Long.class);
        JqwikSession.start(seed);
        try {
            contract.document().getPaths().forEach((template, item) -> item.readOperationsMap().forEach((method, operation) -> {
                Arbitrary<FuzzRequests.Case> cases = requests.cases(method.name(), template, operation);
                int refused = 0;
                String before = fingerprint();
                for (int i = 0; i < CASES; i++) {
                    FuzzRequests.Case request = cases.sample();
                    Answer answer = send(api, request, failures);
                    if (answer == null) {
                        continue;
                    }
                    if (answer.status() >= 400 && answer.status() < 500) {
                        refused++;
                        String after = fingerprint();
                        if (!after.equals(before)) {
                            failures.add("a refused request wrote rows: " + request.describe());
                        }
                        before = after;
                    } else {
                        before = fingerprint();
                    }
                }
                counts.put(operation.getOperationId(), CASES + " sent, " + refused + " refused");
            }));
        } finally {
            JqwikSession.finish();
            // the run-now triggers it accepted ran real batches and alert evaluations; tests that read the newest runs
            // (the console's) expect the demo's, so the fuzz takes its run records away again
            jdbc.update("DELETE FROM provider_automation_runs WHERE seq > ?", lastRunBefore);
        }
        LOG.info("API fuzz (seed {}): {} operations x {} cases: {}", seed, counts.size(), CASES, counts);
        assertThat(failures).as("fuzz seed " + seed + " (rerun with -Dfuzz.seed=" + seed + ")").isEmpty();
        assertThat(counts).hasSize(contract.document().getPaths().values().stream().mapToInt(item -> item.readOperations().size()).sum());
    }

    private record Answer(int status) {
    }

    private Answer send(ApiClient api, FuzzRequests.Case request, List<String> failures) {
        HttpRequest.Builder builder = api.request(request.path()).method(request.method(),
                request.body() == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofByteArray(request.body()));
        request.headers().forEach(builder::header);
        long started = System.nanoTime();
        ApiClient.Reply reply;
        try {
            reply = api.sendUnchecked(builder);
        } catch (AssertionError e) {
            failures.add("no answer (" + e.getMessage() + "): " + request.describe());
            return null;
        }
        long millis = (System.nanoTime() - started) / 1_000_000;
        if (millis > SLOWEST_MILLIS) {
            failures.add("answered in " + millis + " ms: " + request.describe());
        }
        if (reply.status() >= 500) {
            failures.add(reply.status() + " " + OpenApiContract.abbreviate(reply.body()) + ": " + request.describe());
        }
        if (reply.status() >= 400 && reply.status() < 500 && !isDetail(reply.body())) {
            failures.add(reply.status() + " without a JSON detail (" + OpenApiContract.abbreviate(reply.body()) + "): " + request.describe());
        }
        try {
            api.conform(reply.raw().request(), reply.status(), reply.raw().headers().firstValue("Content-Type").orElse(null), reply.body());
        } catch (AssertionError e) {
            failures.add(e.getMessage() + ": " + request.describe());
        }
        return new Answer(reply.status());
    }

    private static boolean isDetail(String body) {
        try {
            JsonNode json = Json.MAPPER.readTree(body);
            return json != null && json.isObject() && json.path("detail").isTextual();
        } catch (java.io.IOException e) {
            return false;
        }
    }

    private String fingerprint() {
        StringBuilder fingerprint = new StringBuilder();
        for (String table : WRITTEN_BY_REQUESTS) {
            fingerprint.append(table).append('=').append(jdbc.queryForObject(
                    "SELECT count(*) || ':' || COALESCE(md5(string_agg(t::text, '|' ORDER BY t::text)), '') FROM " + table + " t",
                    String.class)).append('\n');
        }
        return fingerprint.toString();
    }
}
