package com.smplat.providerautomation.exports;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One S3 object and how to reach it: region, optional endpoint override (path-style, any S3 API) and optional static
 * credentials (unset: the default AWS credential chain). The {@code aws2-s3:} endpoints of the routes reach it through the client {@link S3ClientCache} binds under
 * {@link #clientName()}, so no endpoint URI carries credentials.
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
