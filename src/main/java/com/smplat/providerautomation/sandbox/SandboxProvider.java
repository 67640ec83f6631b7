package com.smplat.providerautomation.sandbox;

import com.smplat.providerautomation.config.ServerSettings;
import com.smplat.providerautomation.support.Json;
import com.smplat.providerautomation.support.ServiceException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import org.apache.camel.Body;
import org.apache.camel.Header;
import org.springframework.stereotype.Component;

/**
 * A stand-in provider API for development. Answers are deterministic: the order reference is derived from the
 * request body, balances from the provider id, and the providers in {@link #FAILING} always answer 502, so the
 * demo shows replay failures and alerts without any outside system.
 */
@Component("sandboxProvider")
public class SandboxProvider {
    public static final Set<String> FAILING = Set.of("demo-gamma");

    private final boolean enabled;

    public SandboxProvider(ServerSettings server) {
        this.enabled = server.development();
    }

    public SandboxReply order(@Header("providerId") String providerId, @Body String body) {
        requireEnabled();
        if (FAILING.contains(providerId)) {
            return failure(providerId);
        }
        Map<String, Object> reply = new LinkedHashMap<>();
        reply.put("order", "sbx-" + digest(providerId + "|" + body));
        reply.put("status", "accepted");
        reply.put("provider", providerId);
        return new SandboxReply(200, Json.write(reply));
    }

    public SandboxReply refill(@Header("providerId") String providerId, @Body String body) {
        requireEnabled();
        if (FAILING.contains(providerId)) {
            return failure(providerId);
        }
        Map<String, Object> reply = new LinkedHashMap<>();
        reply.put("refill", "sbx-refill-" + digest(providerId + "|" + body));
        reply.put("status", "accepted");
        return new SandboxReply(200, Json.write(reply));
    }

    public SandboxReply balance(@Header("providerId") String providerId) {
        requireEnabled();
        if (FAILING.contains(providerId)) {
            return failure(providerId);
        }
        long cents = Long.parseLong(digest(providerId).substring(0, 6), 16) % 500_000 + 10_000;
        Map<String, Object> reply = new LinkedHashMap<>();
        reply.put("balance", BigDecimal.valueOf(cents, 2));
        reply.put("currency", "usd");
        return new SandboxReply(200, Json.write(reply));
    }

    private static SandboxReply failure(String providerId) {
        return new SandboxReply(502, Json.write(Map.of("error", "sandbox provider " + providerId + " is failing on purpose")));
    }

    private void requireEnabled() {
        if (!enabled) {
            throw ServiceException.notFound("Not found");
        }
    }

    private static String digest(String value) {
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256").digest(value.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(hash, 0, 8);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
