package com.smplat.providerautomation.replay;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.smplat.providerautomation.support.ServiceException;
import java.math.BigDecimal;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class ReplayRequestTest {
    private static final Instant NOW = Instant.parse("2025-01-10T12:00:00Z");

    @Test
    void emptyObjectExecutesNow() {
        ReplayRequest request = ReplayRequest.parse("{}");
        assertThat(request.amount()).isNull();
        assertThat(request.schedules(NOW)).isFalse();
    }

    @Test
    void modesFollowRunAtAndScheduleOnly() {
        assertThat(ReplayRequest.parse("{\"runAt\": \"2025-01-10T12:00:01Z\"}").schedules(NOW)).isTrue();
        assertThat(ReplayRequest.parse("{\"runAt\": \"2025-01-10T12:00:00Z\"}").schedules(NOW)).isFalse();
        assertThat(ReplayRequest.parse("{\"runAt\": \"2020-01-01T00:00:00\", \"scheduleOnly\": true}").schedules(NOW)).isTrue();
        assertThat(ReplayRequest.parse("{\"amount\": \"12.5\", \"other\": 1}").amount()).isEqualByComparingTo(new BigDecimal("12.5"));
    }

    @Test
    void invalidBodiesAre422() {
        String[][] cases = {
            {"", "Request body must be a JSON object"},
            {"[]", "Request body must be a JSON object"},
            {"{bad", "Malformed JSON body"},
            {"{\"amount\": -1}", "amount must be greater than or equal to 0"},
            {"{\"amount\": \"ten\"}", "amount must be a number"},
            {"{\"amount\": true}", "amount must be a number"},
            {"{\"runAt\": \"tomorrow\"}", "runAt must be an ISO-8601 timestamp from 0001-01-01T00:00:00Z to 9999-12-31T23:59:59.999999Z"},
            {"{\"runAt\": 5}", "runAt must be an ISO-8601 timestamp from 0001-01-01T00:00:00Z to 9999-12-31T23:59:59.999999Z"},
            {"{\"runAt\": \"-4714-01-01T00:00:00Z\"}", "runAt must be an ISO-8601 timestamp from 0001-01-01T00:00:00Z to 9999-12-31T23:59:59.999999Z"},
            {"{\"runAt\": \"+999999999-12-31T23:59:59Z\"}", "runAt must be an ISO-8601 timestamp from 0001-01-01T00:00:00Z to 9999-12-31T23:59:59.999999Z"},
            {"{\"amount\": 1e1000000}", "amount must be at most 9999999999.99 with at most 6 decimal places"},
            {"{\"amount\": \"1e-1000000\"}", "amount must be at most 9999999999.99 with at most 6 decimal places"},
            {"{\"amount\": 10000000000}", "amount must be at most 9999999999.99 with at most 6 decimal places"},
            {"{\"amount\": 0.0000001}", "amount must be at most 9999999999.99 with at most 6 decimal places"},
            {"{\"amount\": \"11111111111111111111111111111111111111111111111111111111111111111\"}", "amount must be a number"},
            {"{\"note\": \"a\\u0000\"}", "Request body must not contain NUL or other control characters (tab and line breaks excepted) nor unpaired surrogates"},
            {"{\"note\": \"\\udc00\"}", "Request body must not contain NUL or other control characters (tab and line breaks excepted) nor unpaired surrogates"},
            {"\"x\"", "Request body must be a JSON object"},
            {"{\"scheduleOnly\": \"yes\"}", "scheduleOnly must be a boolean"},
            {"{\"scheduleOnly\": true}", "runAt is required when scheduleOnly is true"}};
        for (String[] c : cases) {
            assertThatThrownBy(() -> ReplayRequest.parse(c[0])).as(c[0]).isInstanceOf(ServiceException.class).hasMessage(c[1])
                    .satisfies(e -> assertThat(((ServiceException) e).kind()).isEqualTo(ServiceException.Kind.INVALID));
        }
    }
}
