package com.smplat.providerautomation.replay;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.smplat.providerautomation.support.Json;
import java.math.BigDecimal;
import org.junit.jupiter.api.Test;

class EntryViewsTest {

    private static JsonNode json(String text) throws Exception {
        return Json.MAPPER.readTree(text);
    }

    private static ObjectNode replay(String text) throws Exception {
        return EntryViews.replayEntryView(json(text)).orElseThrow();
    }

    @Test
    void executedReplayKeepsEveryKeyInOrder() throws Exception {
        ObjectNode view = replay("""
                {"id": "9b6c2f0e-3d3a-4d52-8f0e-1f2d3c4b5a69", "requestedAmount": 150.0, "currency": "USD",
                 "performedAt": "2025-01-10T12:00:00Z", "status": "executed", "extra": 1,
                 "response": {"data": {"order_id": "remote-replay"}}, "ruleIds": ["rule-replay"],
                 "ruleMetadata": {"rule-replay": {"id": "rule-replay", "label": "Replay safeguard"}}}""");
        assertThat(view.fieldNames()).toIterable().containsExactly("id", "requestedAmount", "currency", "performedAt",
                "scheduledFor", "status", "response", "ruleIds", "ruleMetadata");
        assertThat(view.get("requestedAmount").isNumber()).isTrue();
        assertThat(view.get("requestedAmount").decimalValue()).isEqualByComparingTo("150");
        assertThat(view.get("performedAt").asText()).isEqualTo("2025-01-10T12:00:00.000000Z");
        assertThat(view.get("scheduledFor").isNull()).isTrue();
        assertThat(view.get("response").get("data").get("order_id").asText()).isEqualTo("remote-replay");
        assertThat(view.get("ruleIds").get(0).asText()).isEqualTo("rule-replay");
        assertThat(view.get("ruleMetadata").get("rule-replay").get("label").asText()).isEqualTo("Replay safeguard");
    }

    @Test
    void absentKeysAreNullAndAReplayWithoutStatusIsExecuted() throws Exception {
        ObjectNode view = replay("{\"id\": \"r-1\"}");
        assertThat(view.size()).isEqualTo(9);
        assertThat(view.get("status").asText()).isEqualTo("executed");
        for (String key : new String[] {"requestedAmount", "currency", "performedAt", "scheduledFor", "response", "ruleIds", "ruleMetadata"}) {
            assertThat(view.get(key).isNull()).as(key).isTrue();
        }
    }

    @Test
    void scheduleEntries() throws Exception {
        ObjectNode pending = EntryViews.scheduleEntryView(json("""
                {"id": "sched-2", "requestedAmount": null, "currency": "USD", "scheduledFor": "2025-01-11T09:00:00+01:00",
                 "status": "scheduled"}""")).orElseThrow();
        assertThat(pending.get("scheduledFor").asText()).isEqualTo("2025-01-11T08:00:00.000000Z");
        assertThat(pending.get("requestedAmount").isNull()).isTrue();
        assertThat(pending.get("performedAt").isNull()).isTrue();
        assertThat(pending.get("response").isNull()).isTrue();

        ObjectNode failed = EntryViews.scheduleEntryView(json("""
                {"id": "sched-1", "scheduledFor": "2025-01-10T12:55:00", "status": "failed",
                 "performedAt": "2025-01-10T13:00:00Z", "response": {"error": "boom"}}""")).orElseThrow();
        assertThat(failed.get("status").asText()).isEqualTo("failed");
        assertThat(failed.get("scheduledFor").asText()).as("no offset means UTC").isEqualTo("2025-01-10T12:55:00.000000Z");
        assertThat(failed.get("response").get("error").asText()).isEqualTo("boom");

        assertThat(EntryViews.scheduleEntryView(json("{\"id\": \"s\"}")).orElseThrow().get("status").asText())
                .as("the batch treats a schedule without status as pending").isEqualTo("scheduled");
    }

    @Test
    void lenientValues() throws Exception {
        ObjectNode view = replay("""
                {"id": "r", "requestedAmount": " 12.5 ", "currency": 5, "performedAt": "not a time",
                 "scheduledFor": 1736510400, "ruleIds": ["a", 3, "b"], "ruleMetadata": []}""");
        assertThat(view.get("requestedAmount").decimalValue()).isEqualTo(new BigDecimal("12.5"));
        assertThat(view.get("currency").isNull()).isTrue();
        assertThat(view.get("performedAt").isNull()).as("unparseable timestamps render null").isTrue();
        assertThat(view.get("scheduledFor").isNull()).isTrue();
        assertThat(view.get("ruleIds")).extracting(JsonNode::asText).containsExactly("a", "b");
        assertThat(view.get("ruleMetadata").isNull()).isTrue();
        assertThat(replay("{\"id\": \"r\", \"requestedAmount\": \"abc\"}").get("requestedAmount").isNull()).isTrue();
        assertThat(replay("{\"id\": \"r\", \"status\": null}").get("status").asText()).isEqualTo("executed");
    }

    @Test
    void unrenderableEntries() throws Exception {
        for (String entry : new String[] {
            "{\"status\": \"executed\"}", "{\"id\": \"\"}", "{\"id\": \"  \"}", "{\"id\": 7}", "{\"id\": null}",
            "{\"id\": \"r\", \"status\": \"weird\"}", "{\"id\": \"r\", \"status\": \"in_progress\"}",
            "{\"id\": \"r\", \"status\": 1}", "{\"id\": \"r\", \"response\": \"text\"}", "{\"id\": \"r\", \"response\": [1]}",
            "\"r\"", "42", "null", "[]"}) {
            assertThat(EntryViews.replayEntryView(json(entry))).as(entry).isEmpty();
            assertThat(EntryViews.scheduleEntryView(json(entry))).as(entry).isEmpty();
        }
        assertThat(EntryViews.replayEntryView(null)).isEmpty();
    }

    @Test
    void refills() throws Exception {
        ObjectNode view = EntryViews.refillView(json("""
                {"id": "refill-entry", "amount": 40.0, "currency": "USD", "performedAt": "2025-01-09T10:00:00+00:00",
                 "response": {"status": "accepted"}, "note": "kept out"}""")).orElseThrow();
        assertThat(view.fieldNames()).toIterable().containsExactly("id", "amount", "currency", "performedAt", "response");
        assertThat(view.get("amount").decimalValue()).isEqualByComparingTo("40");
        assertThat(view.get("performedAt").asText()).isEqualTo("2025-01-09T10:00:00.000000Z");

        ObjectNode bare = EntryViews.refillView(json("{\"id\": \"x\", \"performedAt\": \"2025-01-09\"}")).orElseThrow();
        assertThat(bare.get("performedAt").asText()).isEqualTo("2025-01-09T00:00:00.000000Z");
        assertThat(bare.get("amount").isNull()).isTrue();
        assertThat(bare.get("response").isNull()).isTrue();

        for (String entry : new String[] {
            "{\"id\": \"x\"}", "{\"id\": \"x\", \"performedAt\": null}", "{\"id\": \"x\", \"performedAt\": \"yesterday\"}",
            "{\"performedAt\": \"2025-01-09T10:00:00Z\"}",
            "{\"id\": \"x\", \"performedAt\": \"2025-01-09T10:00:00Z\", \"response\": \"ok\"}", "[1]"}) {
            assertThat(EntryViews.refillView(json(entry))).as(entry).isEmpty();
        }
    }

    @Test
    void renderAllKeepsOnlyRenderableObjectElements() throws Exception {
        JsonNode elements = json("[{\"id\": \"a\"}, \"text\", {\"status\": \"executed\"}, null, {\"id\": \"b\", \"status\": \"failed\"}]");
        assertThat(EntryViews.renderAll(elements, EntryViews::replayEntryView))
                .extracting(view -> view.get("id").asText()).containsExactly("a", "b");
        assertThat(EntryViews.renderAll(json("{\"id\": \"a\"}"), EntryViews::replayEntryView)).isEmpty();
        assertThat(EntryViews.renderAll(null, EntryViews::refillView)).isEmpty();
    }

    @Test
    void viewsAreCopiesSoThePayloadStaysUntouched() throws Exception {
        JsonNode stored = json("{\"id\": \"a\", \"response\": {\"k\": 1}, \"ruleMetadata\": {\"r\": {\"id\": \"r\"}}}");
        ObjectNode view = EntryViews.replayEntryView(stored).orElseThrow();
        ((ObjectNode) view.get("response")).put("k", 2);
        ((ObjectNode) view.get("ruleMetadata")).remove("r");
        assertThat(stored.get("response").get("k").asInt()).isEqualTo(1);
        assertThat(stored.get("ruleMetadata").has("r")).isTrue();
    }
}
