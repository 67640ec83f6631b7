package com.smplat.providerautomation.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.smplat.providerautomation.ApiClient;
import com.smplat.providerautomation.ServiceTest;
import com.smplat.providerautomation.support.Json;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Malformed requests across every endpoint: wrong types, out-of-range values, malformed JSON, oversized bodies,
 * SQL metacharacters, missing or wrong keys, wrong methods. Each must answer 4xx with a JSON {@code detail}, never
 * a 500, and write nothing: every application table reads the same before and after. The log must not hold the
 * configured key, nor the wrong keys the requests sent.
 */
@ServiceTest
@ExtendWith(OutputCaptureExtension.class)
class BadInputCorpusTest {
    private static final String PROVIDERS = "/api/v1/fulfillment/providers";
    private static final String AUTOMATION = PROVIDERS + "/automation";
    private static final String FOLLOWUPS = "/api/v1/reporting/guardrails/followups";
    private static final String BLUEPRINT = "/api/v1/reporting/blueprint-metrics";
    private static final String WRONG_KEY = "wrong-key-" + UUID.randomUUID();
    private static final String SQL = URLEncoder.encode("' OR 1=1; DROP TABLE orders;--", StandardCharsets.UTF_8);

    @LocalServerPort
    int port;

    @Autowired
    JdbcTemplate jdbc;

    private record Bad(String name, String method, String path, Map<String, String> headers, byte[] body) {
    }

    private final List<Bad> corpus = new ArrayList<>();

    private void bad(String name, String method, String path, String body, String... headers) {
        Map<String, String> headerMap = new LinkedHashMap<>();
        headerMap.put("X-API-Key", ServiceTest.API_KEY);
        if (body != null) {
            headerMap.put("Content-Type", "application/json");
        }
        for (int i = 0; i < headers.length; i += 2) {
            if (headers[i + 1] == null) {
                headerMap.remove(headers[i]);
            } else {
                headerMap.put(headers[i], headers[i + 1]);
            }
        }
        corpus.add(new Bad(name, method, path, headerMap, body == null ? null : body.getBytes(StandardCharsets.UTF_8)));
    }

    /** A JSON request whose body is these bytes (not necessarily UTF-8). */
    private void badBytes(String name, String path, byte[] body) {
        bad(name, "POST", path, "");
        Bad added = corpus.remove(corpus.size() - 1);
        corpus.add(new Bad(added.name(), added.method(), added.path(), added.headers(), body));
    }

    /** {"amount": 1, ...} with its first text value replaced by bytes that are not UTF-8 (a lone 0xC3, then 0xFF). */
    private static byte[] notUtf8(String json) {
        byte[] text = json.getBytes(StandardCharsets.UTF_8);
        int quote = json.indexOf(": \"") + 3;
        text[quote] = (byte) 0xC3;
        text[quote + 1] = (byte) 0xFF;
        return text;
    }

    private void buildCorpus() {
        String order = UUID.randomUUID().toString();
        String replay = PROVIDERS + "/prov-corpus/orders/" + order + "/replay";
        // authentication
        bad("status without a key", "GET", AUTOMATION + "/status", null, "X-API-Key", null);
        bad("status with a wrong key", "GET", AUTOMATION + "/status", null, "X-API-Key", WRONG_KEY);
        bad("status with a wrong bearer token", "GET", AUTOMATION + "/status", null, "X-API-Key", null,
                "Authorization", "Bearer " + WRONG_KEY);
        bad("status with an empty bearer token", "GET", AUTOMATION + "/status", null, "X-API-Key", null,
                "Authorization", "Bearer ");
        bad("history with the key in the query", "GET", AUTOMATION + "/status/history?api_key=" + ServiceTest.API_KEY, null,
                "X-API-Key", null);
        bad("snapshot with an empty key", "GET", AUTOMATION + "/snapshot", null, "X-API-Key", "");
        bad("replay run without a key", "POST", AUTOMATION + "/replay/run", null, "X-API-Key", null);
        bad("alert run with a wrong key", "POST", AUTOMATION + "/alerts/run", null, "X-API-Key", WRONG_KEY);
        bad("follow-up without a key", "POST", FOLLOWUPS, "{\"providerId\": \"p\", \"action\": \"pause\"}", "X-API-Key", null);
        bad("blueprint metrics with basic auth", "GET", BLUEPRINT, null, "X-API-Key", null,
                "Authorization", "Basic b3BlcmF0b3I6" + WRONG_KEY);
        bad("provider orders with a key of SQL", "GET", PROVIDERS + "/prov-corpus/orders", null, "X-API-Key", "' OR '1'='1");
        // query parameters: types and ranges
        for (String limit : List.of("abc", "0", "-1", "1.5", "100000", SQL)) {
            bad("history limit " + limit, "GET", AUTOMATION + "/status/history?limit=" + limit, null);
        }
        for (String limit : List.of("0", "x", "100000", SQL)) {
            bad("snapshot limitPerProvider " + limit, "GET", AUTOMATION + "/snapshot?limitPerProvider=" + limit, null);
        }
        for (String limit : List.of("501", "-5", "abc", SQL)) {
            bad("replay run limit " + limit, "POST", AUTOMATION + "/replay/run?limit=" + limit, null);
        }
        for (String query : List.of("window_days=0", "window_days=abc", "window_days=100000", "option_limit=-1",
                "add_on_limit=100000", "provider_limit=abc", "preset_limit=0", "window_days=7%3BDROP%20TABLE%20orders")) {
            bad("blueprint " + query, "GET", BLUEPRINT + "?" + query, null);
        }
        bad("provider orders limit abc", "GET", PROVIDERS + "/prov-corpus/orders?limit=abc", null);
        bad("provider orders limit 0", "GET", PROVIDERS + "/prov-corpus/orders?limit=0", null);
        bad("orders by order: not a uuid", "GET", PROVIDERS + "/orders/by-order/not-a-uuid", null);
        bad("orders by order: SQL", "GET", PROVIDERS + "/orders/by-order/" + SQL, null);
        bad("orders by order: limit abc", "GET", PROVIDERS + "/orders/by-order/" + order + "?limit=abc", null);
        // single-order replay and schedule
        bad("replay: order id not a uuid", "POST", PROVIDERS + "/prov-corpus/orders/not-a-uuid/replay", "{}");
        bad("replay: unknown provider order", "POST", replay, "{}");
        bad("replay: malformed JSON", "POST", replay, "{\"amount\": ");
        bad("replay: a JSON array", "POST", replay, "[]");
        bad("replay: JSON null", "POST", replay, "null");
        bad("replay: amount a word", "POST", replay, "{\"amount\": \"abc\"}");
        bad("replay: negative amount", "POST", replay, "{\"amount\": -5}");
        bad("replay: amount out of range", "POST", replay, "{\"amount\": 1e400}");
        bad("replay: runAt not a time", "POST", replay, "{\"runAt\": \"yesterday\"}");
        bad("replay: scheduleOnly a string", "POST", replay, "{\"scheduleOnly\": \"yes\"}");
        bad("replay: scheduleOnly without runAt", "POST", replay, "{\"scheduleOnly\": true}");
        bad("replay: a form body", "POST", replay, "amount=5", "Content-Type", "application/x-www-form-urlencoded");
        bad("replay: a multipart body", "POST", replay, "--x\r\n\r\n5\r\n--x--", "Content-Type", "multipart/form-data; boundary=x");
        bad("replay: an oversized body", "POST", replay, "{\"notes\": \"" + "x".repeat(2 * 1024 * 1024) + "\"}");
        bad("replay: SQL in the provider id", "POST", PROVIDERS + "/" + SQL + "/orders/" + order + "/replay", "{}");
        // refill and balance refresh
        bad("refill: order id not a uuid", "POST", PROVIDERS + "/prov-corpus/orders/not-a-uuid/refill", "{}");
        bad("refill: malformed JSON", "POST", PROVIDERS + "/prov-corpus/orders/" + order + "/refill", "{{");
        bad("refill: unknown provider order", "POST", PROVIDERS + "/prov-corpus/orders/" + order + "/refill", "{\"amount\": 5}");
        bad("balance refresh: SQL provider id", "POST", PROVIDERS + "/" + SQL + "/balance/refresh", null);
        bad("balance refresh: a 500-character provider id", "POST", PROVIDERS + "/" + "p".repeat(500) + "/balance/refresh", null);
        // guardrail follow-ups
        bad("follow-up: empty object", "POST", FOLLOWUPS, "{}");
        bad("follow-up: providerId a number", "POST", FOLLOWUPS, "{\"providerId\": 5, \"action\": \"pause\"}");
        bad("follow-up: action too long", "POST", FOLLOWUPS, "{\"providerId\": \"p\", \"action\": \"" + "a".repeat(70) + "\"}");
        bad("follow-up: platformContext a string", "POST", FOLLOWUPS,
                "{\"providerId\": \"p'; DROP TABLE orders;--\", \"action\": \"pause\", \"platformContext\": \"x\"}");
        bad("follow-up: notes too long", "POST", FOLLOWUPS, "{\"providerId\": \"p\", \"action\": \"pause\", \"notes\": \""
                + "n".repeat(600) + "\"}");
        bad("follow-up: malformed JSON", "POST", FOLLOWUPS, "{\"providerId\": \"p\",");
        bad("follow-up: conversionHref a number", "POST", FOLLOWUPS, "{\"providerId\": \"p\", \"action\": \"pause\", \"conversionHref\": 5}");
        bad("follow-up: a form body", "POST", FOLLOWUPS, "providerId=p", "Content-Type", "application/x-www-form-urlencoded");
        bad("follow-up: JSON array", "POST", FOLLOWUPS, "[{\"providerId\": \"p\", \"action\": \"pause\"}]");
        bad("alert run: a form body", "POST", AUTOMATION + "/alerts/run", "x=1", "Content-Type", "application/x-www-form-urlencoded");
        // methods and paths
        bad("DELETE on status", "DELETE", AUTOMATION + "/status", null);
        bad("PUT on replay run", "PUT", AUTOMATION + "/replay/run", "{}");
        bad("GET on replay run", "GET", AUTOMATION + "/replay/run", null);
        bad("POST on status", "POST", AUTOMATION + "/status", "{}");
        bad("an unknown path", "GET", "/api/v1/no-such-thing", null);
        // issue 11: huge numbers, out-of-range timestamps, NUL characters, long headers, invalid UTF-8, null literals
        for (String amount : List.of("1e1000000", "\"1e1000000\"", "1e131073", "\"1e131073\"", "-1e1000000", "1e-1000000",
                "\"0.0000001\"", "10000000000", "\"" + "9".repeat(400) + "\"")) {
            bad("replay: amount " + amount.substring(0, Math.min(20, amount.length())), "POST", replay, "{\"amount\": " + amount + "}");
            bad("refill: amount " + amount.substring(0, Math.min(20, amount.length())), "POST",
                    PROVIDERS + "/prov-corpus/orders/" + order + "/refill", "{\"amount\": " + amount + "}");
        }
        for (String runAt : List.of("-4714-01-01T00:00:00Z", "+999999999-12-31T23:59:59Z", "+10000-01-01T00:00:00Z",
                "0000-12-31T23:59:59Z")) {
            bad("replay: runAt " + runAt, "POST", replay, "{\"runAt\": \"" + runAt + "\", \"scheduleOnly\": true}");
        }
        bad("replay: Idempotency-Key of 256 characters", "POST", replay, "{}", "Idempotency-Key", "k".repeat(256));
        bad("replay: a NUL in a string member", "POST", replay, "{\"amount\": 5, \"note\": \"a\\u0000b\"}");
        bad("follow-up: a NUL in action", "POST", FOLLOWUPS, "{\"providerId\": \"p\", \"action\": \"pa\\u0000use\"}");
        bad("follow-up: a NUL in notes", "POST", FOLLOWUPS, "{\"providerId\": \"p\", \"action\": \"pause\", \"notes\": \"\\u0000\"}");
        bad("follow-up: a NUL in providerId", "POST", FOLLOWUPS, "{\"providerId\": \"p\\u0000\", \"action\": \"pause\"}");
        bad("follow-up: a lone surrogate in notes", "POST", FOLLOWUPS,
                "{\"providerId\": \"p\", \"action\": \"pause\", \"notes\": \"\\ud800\"}");
        bad("follow-up: an unknown provider", "POST", FOLLOWUPS, "{\"providerId\": \"no-such-provider-" + order + "\", \"action\": \"pause\"}");
        badBytes("replay: a body that is not UTF-8", replay, notUtf8("{\"amount\": \"xx5\"}"));
        badBytes("refill: a body that is not UTF-8", PROVIDERS + "/prov-corpus/orders/" + order + "/refill",
                notUtf8("{\"amount\": \"xx5\"}"));
        badBytes("follow-up: a body that is not UTF-8", FOLLOWUPS, notUtf8("{\"providerId\": \"xxp\", \"action\": \"pause\"}"));
        badBytes("sandbox order: a body that is not UTF-8", "/sandbox/providers/demo-alpha/orders", notUtf8("{\"order\": \"xx1\"}"));
        badBytes("sandbox refill: a body that is not UTF-8", "/sandbox/providers/demo-alpha/refills", notUtf8("{\"order\": \"xx1\"}"));
        for (String path : List.of(AUTOMATION + "/status/history", PROVIDERS + "/prov-corpus/orders",
                PROVIDERS + "/orders/by-order/" + order, BLUEPRINT)) {
            bad("limit null on " + path, "GET", path + "?limit=null&window_days=null", null);
        }
        bad("snapshot limitPerProvider null", "GET", AUTOMATION + "/snapshot?limitPerProvider=null", null);
        bad("replay run limit null", "POST", AUTOMATION + "/replay/run?limit=null", null);
        bad("orders by order: the id null", "GET", PROVIDERS + "/orders/by-order/null", null);
        bad("replay: the order id null", "POST", PROVIDERS + "/prov-corpus/orders/null/replay", "{}");
        bad("an encoded slash in a path", "GET", PROVIDERS + "/a%2Fb/orders", null);
        bad("an encoded NUL in a path", "GET", PROVIDERS + "/a%00b/orders", null);
        bad("an encoded slash in a sandbox path", "GET", "/sandbox/providers/a%2Fb/balance", null);
        bad("an encoded backslash in a path", "GET", PROVIDERS + "/a%5Cb/orders", null);
    }

    private String tables() {
        List<String> names = jdbc.queryForList("""
                SELECT table_name FROM information_schema.tables
                 WHERE table_schema = current_schema() AND table_type = 'BASE TABLE'
                   AND table_name NOT LIKE 'qrtz%' AND table_name <> 'flyway_schema_history'
                 ORDER BY table_name""", String.class);
        StringBuilder fingerprint = new StringBuilder();
        for (String name : names) {
            fingerprint.append(name).append('=').append(jdbc.queryForObject(
                    "SELECT count(*) || ':' || COALESCE(md5(string_agg(t::text, '|' ORDER BY t::text)), '') FROM \"" + name + "\" t",
                    String.class)).append('\n');
        }
        return fingerprint.toString();
    }

    @Test
    void everyMalformedRequestGetsA4xxJsonDetailAndWritesNothing(CapturedOutput output) {
        buildCorpus();
        ApiClient api = new ApiClient(port);
        String before = tables();
        List<String> failures = new ArrayList<>();
        for (Bad bad : corpus) {
            HttpRequest.Builder request = api.request(bad.path()).method(bad.method(),
                    bad.body() == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofByteArray(bad.body()));
            bad.headers().forEach(request::header);
            ApiClient.Reply reply = api.send(request);
            JsonNode detail = null;
            try {
                detail = Json.MAPPER.readTree(reply.body()).get("detail");
            } catch (Exception notJson) {
                // reported below
            }
            if (reply.status() < 400 || reply.status() > 499 || detail == null || !detail.isTextual()
                    || reply.body().contains("Exception") || reply.body().contains("\tat ")
                    || !reply.raw().headers().firstValue("Content-Type").orElse("").startsWith("application/json")) {
                failures.add(bad.name() + ": " + reply.status() + " " + reply.body().substring(0, Math.min(200, reply.body().length())));
            }
        }

        assertThat(corpus).hasSizeGreaterThanOrEqualTo(60);
        assertThat(failures).as("requests without a 4xx JSON detail").isEmpty();
        assertThat(tables()).as("rows written by rejected requests").isEqualTo(before);
        assertThat(output.getAll()).doesNotContain(ServiceTest.API_KEY).doesNotContain(WRONG_KEY);
    }

    @Test
    void theWordNullInAPathIsAValueLikeAnyOther() {
        ApiClient api = new ApiClient(port);

        ApiClient.Reply balance = api.get("/sandbox/providers/null/balance");
        ApiClient.Reply order = api.postJson("/sandbox/providers/null/orders", "null");

        assertThat(balance.status()).isEqualTo(200);
        assertThat(balance.json().get("currency").asText()).isEqualTo("usd");
        assertThat(order.status()).isEqualTo(200);
        assertThat(order.json().get("provider").asText()).isEqualTo("null");
        assertThat(api.postJson("/sandbox/providers/demo-gamma/orders", "{}").status()).isEqualTo(502);
    }
}
