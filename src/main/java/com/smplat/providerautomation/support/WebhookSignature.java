package com.smplat.providerautomation.support;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.Base64;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.apache.camel.Body;
import org.apache.camel.ExchangeProperty;
import org.apache.camel.Header;
import org.springframework.stereotype.Component;

/**
 * Standard Webhooks signatures (https://www.standardwebhooks.com): {@code webhook-signature} is {@code v1,} and the
 * base64 HMAC-SHA256, keyed with the secret's base64-decoded bytes, of {@code <webhook-id>.<webhook-timestamp>.<body>}.
 * Bean {@code webhookSignature} signs inside route template {@code http-post-with-retry} (routes/http-post.yaml); the
 * key reaches it in an exchange property, never as method text, so it is in no route definition or log line.
 */
@Component("webhookSignature")
public class WebhookSignature {
    /** Exchange property: the signing key of the message being posted, for the time of the signing step only. */
    public static final String SECRET = "httpPostSigningSecret";
    private static final String PREFIX = "whsec_";

    /** The {@code webhook-signature} value of one message. */
    public static String sign(String secret, String id, long timestampSeconds, byte[] body) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key(secret), "HmacSHA256"));
            mac.update((id + "." + timestampSeconds + ".").getBytes(StandardCharsets.UTF_8));
            return "v1," + Base64.getEncoder().encodeToString(mac.doFinal(body));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HMAC-SHA256 is not available", e);
        }
    }

    /** The {@code webhook-timestamp} of a message sent now, in seconds since the epoch. */
    public long timestamp() {
        return Timestamps.now().getEpochSecond();
    }

    /** {@link #sign} of the message about to be posted: its headers {@code webhook-id}, {@code webhook-timestamp}, its body. */
    public String signature(@ExchangeProperty(SECRET) String secret, @Header("webhook-id") String id,
                            @Header("webhook-timestamp") long timestampSeconds, @Body byte[] body) {
        return sign(secret, id, timestampSeconds, body);
    }

    private static byte[] key(String secret) {
        return Base64.getDecoder().decode(secret.substring(PREFIX.length()));
    }
}
