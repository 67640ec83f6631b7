package com.smplat.providerautomation.exports;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One S3 object and how to reach it: region, optional endpoint override (path-style, any S3 API) and optional static
 * credentials (unset: the default AWS credential chain). {@link #endpointUri} is the camel-aws2-s3 endpoint.
 */
public record S3Target(String bucket, String key, String region, String endpoint, String accessKey, String secretKey) {
    private static final Pattern URI = Pattern.compile("s3://([a-z0-9][a-z0-9.\\-_]{0,62})/(.+)");

    /** {@code s3://<bucket>/<key>}, or empty when the text has another form. */
    public static Optional<S3Target> parse(String uri, String region, String endpoint, String accessKey, String secretKey) {
        Matcher matcher = URI.matcher(uri == null ? "" : uri.strip());
        if (!matcher.matches()) {
            return Optional.empty();
        }
        return Optional.of(new S3Target(matcher.group(1), matcher.group(2), region, endpoint, accessKey, secretKey));
    }

    public S3Target withKey(String otherKey) {
        return new S3Target(bucket, otherKey, region, endpoint, accessKey, secretKey);
    }

    /**
     * The camel-aws2-s3 endpoint: its client is the one {@link S3ClientCache} binds under {@link #clientName()}
     * (region, endpoint override, credentials, timeouts), so the URI carries no credentials.
     */
    public String endpointUri(String operation) {
        StringBuilder uri = new StringBuilder("aws2-s3://").append(bucket).append("?amazonS3Client=#").append(clientName())
                .append("&autoCreateBucket=false");
        if (operation != null) {
            uri.append("&operation=").append(operation);
        }
        return uri.toString();
    }

    /** The registry name of this target's client: one per region, endpoint and credentials, none of them readable. */
    public String clientName() {
        String identity = region + "\n" + endpoint + "\n" + accessKey + "\n" + secretKey;
        try {
            byte[] digest = java.security.MessageDigest.getInstance("SHA-256").digest(identity.getBytes(java.nio.charset.StandardCharsets.UTF_8));
            return "exportS3Client-" + java.util.HexFormat.of().formatHex(digest, 0, 12);
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The public URL of the object (exports.md 3.12, artifact). */
    public String objectUrl() {
        return endpoint != null ? endpoint + "/" + bucket + "/" + key
                : "https://" + bucket + ".s3." + region + ".amazonaws.com/" + key;
    }

    @Override
    public String toString() {
        return "s3://" + bucket + "/" + key;
    }
}
