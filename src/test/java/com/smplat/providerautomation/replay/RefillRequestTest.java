package com.smplat.providerautomation.replay;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.smplat.providerautomation.support.ServiceException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class RefillRequestTest {

    @Test
    void readsEveryKeyAndIgnoresUnknownOnes() {
        RefillRequest request = RefillRequest.parse("""
                {"amount": 40, "note": "top up", "actorLabel": "Ops Bot", "extra": {"x": 1}}""");
        assertThat(request.amount()).isEqualByComparingTo("40");
        assertThat(request.note()).isEqualTo("top up");
        assertThat(request.actorLabel()).isEqualTo("Ops Bot");
    }

    @Test
    void everyKeyIsOptionalAndNullMeansAbsent() {
        assertThat(RefillRequest.parse("{}")).isEqualTo(new RefillRequest(null, null, null));
        assertThat(RefillRequest.parse("""
                {"amount": null, "note": null, "actorLabel": null}""")).isEqualTo(new RefillRequest(null, null, null));
    }

    @Test
    void amountMayBeANumericStringAndZero() {
        assertThat(RefillRequest.parse("{\"amount\": \" 12.50 \"}").amount()).isEqualByComparingTo("12.5");
        assertThat(RefillRequest.parse("{\"amount\": 0}").amount()).isEqualByComparingTo("0");
    }

    @Test
    void noteMayHave500CharactersCountingCodePoints() {
        String note = "\uD83D\uDE00".repeat(RefillRequest.NOTE_MAX); // 500 code points, 1000 chars
        assertThat(RefillRequest.parse("{\"note\": \"" + note + "\"}").note()).isEqualTo(note);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "  ", "[]", "\"text\"", "12", "null", "{", "{\"amount\": }"})
    void aBodyThatIsNotAJsonObjectIsInvalid(String body) {
        assertInvalid(body, null);
    }

    @Test
    void badValuesAreInvalidWithADetailNamingTheKey() {
        assertInvalid("{\"amount\": -1}", "amount must be greater than or equal to 0");
        assertInvalid("{\"amount\": \"abc\"}", "amount must be a number");
        assertInvalid("{\"amount\": true}", "amount must be a number");
        assertInvalid("{\"note\": \"" + "n".repeat(501) + "\"}", "note must be a string of at most 500 characters");
        assertInvalid("{\"note\": 5}", "note must be a string of at most 500 characters");
        assertInvalid("{\"actorLabel\": [\"ops\"]}", "actorLabel must be a string of at most 255 characters");
        assertInvalid("{\"actorLabel\": \"" + "a".repeat(256) + "\"}", "actorLabel must be a string of at most 255 characters");
    }

    private static void assertInvalid(String body, String detail) {
        assertThatThrownBy(() -> RefillRequest.parse(body)).isInstanceOfSatisfying(ServiceException.class, e -> {
            assertThat(e.kind()).isEqualTo(ServiceException.Kind.INVALID);
            if (detail != null) {
                assertThat(e.getMessage()).isEqualTo(detail);
            }
        });
    }
}
