package com.smplat.providerautomation.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Optional;
import org.junit.jupiter.api.Test;

class ApiKeyPolicyTest {

    @Test
    void configuredKeyIsRequiredAsHeaderOrBearer() {
        ApiKeyPolicy policy = new ApiKeyPolicy(Optional.of("k-123"), false);
        assertThat(policy.permits("k-123", null)).isTrue();
        assertThat(policy.permits(null, "Bearer k-123")).isTrue();
        assertThat(policy.permits(null, "bearer k-123")).isTrue();
        assertThat(policy.permits("k-12", null)).isFalse();
        assertThat(policy.permits("k-1234", null)).isFalse();
        assertThat(policy.permits(null, null)).isFalse();
        assertThat(policy.permits(null, "Basic k-123")).isFalse();
    }

    @Test
    void aWrongHeaderIsNotRescuedByABearer() {
        ApiKeyPolicy policy = new ApiKeyPolicy(Optional.of("k-123"), true);
        assertThat(policy.permits("wrong", "Bearer k-123")).isFalse();
    }

    @Test
    void withoutAKeyOnlyDevelopmentIsOpen() {
        assertThat(new ApiKeyPolicy(Optional.empty(), true).permits(null, null)).isTrue();
        assertThat(new ApiKeyPolicy(Optional.empty(), false).permits(null, null)).isFalse();
        assertThat(new ApiKeyPolicy(Optional.empty(), false).permits("anything", null)).isFalse();
    }
}
