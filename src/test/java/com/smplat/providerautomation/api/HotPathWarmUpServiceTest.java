package com.smplat.providerautomation.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.smplat.providerautomation.LogCapture;
import com.smplat.providerautomation.ServiceTest;
import com.smplat.providerautomation.config.ApiSettings;
import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;

/**
 * The warm-up against the running service over real HTTP (the shared context starts with it off). That it runs before
 * readiness turns UP is Spring Boot's order: ACCEPTING_TRAFFIC is published after the application runners.
 */
@ServiceTest
class HotPathWarmUpServiceTest {
    @RegisterExtension
    final LogCapture logs = new LogCapture(HotPathWarmUp.class);

    @Autowired
    ApplicationContext context;

    @Test
    void theWarmUpCallsTheStatusAndHistoryEndpointsForItsLengthWithTheOperatorKey() {
        long started = System.nanoTime();

        new HotPathWarmUp(context, new ApiSettings(Optional.of(ServiceTest.API_KEY)), 1).run(null);

        assertThat(Duration.ofNanos(System.nanoTime() - started)).isBetween(Duration.ofSeconds(1), Duration.ofSeconds(10));
        assertThat(logs.messages()).singleElement().asString()
                .startsWith("Hot-path warm-up: ").contains("before readiness").doesNotContain(": 0 requests");
    }

    @Test
    void aRefusedRequestStopsTheWarmUpAtOnce() {
        long started = System.nanoTime();

        new HotPathWarmUp(context, new ApiSettings(Optional.of("not-the-key")), 30).run(null);

        assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(10));
        assertThat(logs.messages()).singleElement().asString()
                .contains("stopped after 0 request(s)").contains("answered 401");
    }

    @Test
    void aZeroLengthDoesNothing() {
        new HotPathWarmUp(context, new ApiSettings(Optional.of(ServiceTest.API_KEY)), 0).run(null);

        assertThat(logs.messages()).isEmpty();
    }
}
