package com.smplat.providerautomation.api;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Optional;

/**
 * Who may call the operator and reporting endpoints. With {@code CHECKOUT_API_KEY} set, the request must carry
 * it as {@code X-API-Key} or {@code Authorization: Bearer}, compared in constant time. Without it, the endpoints
 * are open in development only.
 */
public final class ApiKeyPolicy {
    private final Optional<byte[]> expectedDigest;
    private final boolean development;

    public ApiKeyPolicy(Optional<String> configuredKey, boolean development) {
        this.expectedDigest = configuredKey.map(ApiKeyPolicy::digest);
        this.development = development;
    }

    public boolean permits(String apiKeyHeader, String authorizationHeader) {
        if (expectedDigest.isEmpty()) {
            return development;
        }
        String presented = apiKeyHeader != null ? apiKeyHeader : bearerToken(authorizationHeader);
        // digests have a fixed length, so the comparison time says nothing about the key's length either
        return presented != null && MessageDigest.isEqual(expectedDigest.get(), digest(presented));
    }

    static String bearerToken(String authorizationHeader) {
        if (authorizationHeader == null || !authorizationHeader.regionMatches(true, 0, "Bearer ", 0, 7)) {
            return null;
        }
        return authorizationHeader.substring(7).strip();
    }

    private static byte[] digest(String value) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(value.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
