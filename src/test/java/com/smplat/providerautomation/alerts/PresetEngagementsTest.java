package com.smplat.providerautomation.alerts;

import static org.assertj.core.api.Assertions.assertThat;

import com.smplat.providerautomation.ProviderOrderFixtures;
import com.smplat.providerautomation.ServiceTest;
import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * {@code preset_engagements} (migration V6), which the load-alert windows read, follows every change of its three
 * sources: new provider orders, changed presets, order times and provider names, deletions, and a full rebuild.
 * Each test works in the distant past with a preset of its own: its windows are filtered to that preset, and its
 * rows stay out of every window other tests (or the console's screenshots) look at.
 */
@ServiceTest
class PresetEngagementsTest {
    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    LoadAlertRepository repository;

    ProviderOrderFixtures fixtures;
    Instant now;
    String preset;

    @BeforeEach
    void farFuture() {
        fixtures = new ProviderOrderFixtures(jdbc);
        now = Instant.parse("1990-01-01T00:00:00Z").plus(Duration.ofDays(Math.floorMod(UUID.randomUUID().hashCode(), 3_000)));
        preset = ProviderOrderFixtures.uniqueId("preset-sync");
    }

    private UUID engagement(String selectedOptions, Instant orderedAt, String providerName) {
        UUID item = fixtures.orderItem(fixtures.order(orderedAt), selectedOptions, BigDecimal.TEN);
        return fixtures.providerOrderOf(item, "prov-sync", providerName, "svc-sync", "followers", BigDecimal.TEN, "USD",
                orderedAt);
    }

    private List<PressureEntry> window(int days) {
        return repository.window(now.minus(Duration.ofDays(days))).stream().filter(e -> e.presetId().equals(preset)).toList();
    }

    private String options(String label) {
        return "{\"presetId\": \"%s\", \"presetLabel\": \"%s\"}".formatted(preset, label);
    }

    @Test
    void newProviderOrdersCountAtOnceAndOnlyWithAPreset() {
        engagement(options("First"), now.minus(Duration.ofDays(1)), "Sync Provider");
        engagement(options("First"), now.minus(Duration.ofDays(2)), "Sync Provider");
        engagement("{\"color\": \"red\"}", now.minus(Duration.ofDays(1)), "Sync Provider");

        assertThat(window(7)).singleElement().satisfies(entry -> {
            assertThat(entry.engagements()).isEqualTo(2);
            assertThat(entry.presetLabel()).isEqualTo("First");
        });
    }

    @Test
    void changedPresetsOrderTimesAndNamesAreFollowed() {
        UUID providerOrder = engagement(options("Old label"), now.minus(Duration.ofDays(1)), "Old name");
        UUID item = jdbc.queryForObject("SELECT order_item_id FROM fulfillment_provider_orders WHERE id = ?", UUID.class, providerOrder);

        jdbc.update("UPDATE order_items SET selected_options = CAST(? AS json) WHERE id = ?", options("New label"), item);
        jdbc.update("UPDATE fulfillment_provider_orders SET provider_name = 'New name' WHERE id = ?", providerOrder);
        assertThat(window(7)).singleElement().satisfies(entry -> {
            assertThat(entry.presetLabel()).isEqualTo("New label");
            assertThat(entry.providerName()).isEqualTo("New name");
        });

        jdbc.update("UPDATE orders SET created_at = ? WHERE id = (SELECT order_id FROM order_items WHERE id = ?)",
                Timestamp.from(now.minus(Duration.ofDays(20))), item);
        assertThat(window(7)).as("the order moved out of the short window").isEmpty();
        assertThat(window(30)).hasSize(1);

        jdbc.update("UPDATE order_items SET selected_options = '{}'::json WHERE id = ?", item);
        assertThat(window(30)).as("no preset any more").isEmpty();
    }

    @Test
    void payloadWritesLeaveTheRowAloneAndDeletionsRemoveIt() {
        UUID providerOrder = engagement(options("Label"), now.minus(Duration.ofDays(1)), "Name");
        jdbc.update("UPDATE fulfillment_provider_orders SET payload = '{\"status\": \"completed\"}'::jsonb WHERE id = ?", providerOrder);
        assertThat(window(7)).hasSize(1);

        jdbc.update("DELETE FROM fulfillment_provider_orders WHERE id = ?", providerOrder);
        assertThat(window(7)).isEmpty();
    }

    @Test
    void aRebuildRecomputesRowsWrittenWithTriggersOff() {
        engagement(options("Label"), now.minus(Duration.ofDays(1)), "Name");
        jdbc.update("DELETE FROM preset_engagements WHERE preset_id = ?", preset);
        assertThat(window(7)).isEmpty();

        jdbc.queryForObject("SELECT rebuild_preset_engagements()", Long.class);
        assertThat(window(7)).singleElement().satisfies(entry -> assertThat(entry.engagements()).isEqualTo(1));
    }

    @Test
    void namesComeFromTheNewestProviderOrderThatHasOneAndTheLabelFromTheNewestOrder() {
        // the newest order (by order time) has its provider order created earliest
        UUID newestOrderItem = fixtures.orderItem(fixtures.order(now.minus(Duration.ofHours(1))), options("Newest order"), BigDecimal.TEN);
        fixtures.providerOrderOf(newestOrderItem, "prov-sync", "Named early", "svc-sync", "followers", BigDecimal.TEN, "EUR",
                now.minus(Duration.ofHours(30)));
        UUID olderOrderItem = fixtures.orderItem(fixtures.order(now.minus(Duration.ofHours(20))), options("Older order"), BigDecimal.TEN);
        fixtures.providerOrderOf(olderOrderItem, "prov-sync", "Named late", "svc-sync", null, BigDecimal.TEN, "",
                now.minus(Duration.ofHours(2)));
        UUID unnamedItem = fixtures.orderItem(fixtures.order(now.minus(Duration.ofHours(25))), "{\"presetId\": \"" + preset + "\"}",
                BigDecimal.TEN);
        fixtures.providerOrderOf(unnamedItem, "prov-sync", null, "svc-sync", null, BigDecimal.TEN, null,
                now.minus(Duration.ofHours(1)));

        assertThat(window(7)).singleElement().satisfies(entry -> {
            assertThat(entry.engagements()).isEqualTo(3);
            assertThat(entry.presetLabel()).as("by order time").isEqualTo("Newest order");
            assertThat(entry.providerName()).as("newest provider order with a name").isEqualTo("Named late");
            assertThat(entry.serviceAction()).as("newest provider order with an action").isEqualTo("followers");
            assertThat(entry.currency()).as("newest provider order with a non-empty currency").isEqualTo("EUR");
        });
    }
}
