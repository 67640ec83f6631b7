package com.smplat.providerautomation.exports;

import java.net.URI;
import org.gaul.s3proxy.AuthenticationType;
import org.gaul.s3proxy.S3Proxy;
import org.jclouds.ContextBuilder;
import org.jclouds.blobstore.BlobStore;
import org.jclouds.blobstore.BlobStoreContext;

/** One in-process S3 API (s3proxy over jclouds' transient store), started once per test JVM and shared. */
public final class S3Server {
    public static final String ACCESS_KEY = "test-access";
    public static final String SECRET_KEY = "test-secret";
    private static S3Proxy proxy;
    private static BlobStore store;

    private S3Server() {
    }

    public static synchronized String endpoint() {
        if (proxy == null) {
            try {
                store = ContextBuilder.newBuilder("transient").credentials("identity", "credential")
                        .build(BlobStoreContext.class).getBlobStore();
                proxy = S3Proxy.builder().blobStore(store).endpoint(URI.create("http://127.0.0.1:0"))
                        .awsAuthentication(AuthenticationType.AWS_V2_OR_V4, ACCESS_KEY, SECRET_KEY).build();
                proxy.start();
                for (int i = 0; i < 200 && !"STARTED".equals(proxy.getState()); i++) {
                    Thread.sleep(25);
                }
            } catch (Exception e) {
                throw new IllegalStateException("s3proxy did not start", e);
            }
        }
        return "http://127.0.0.1:" + proxy.getPort();
    }

    public static BlobStore store() {
        endpoint();
        return store;
    }

    /** A fresh bucket. */
    public static String bucket(String name) {
        store().createContainerInLocation(null, name);
        return name;
    }

    public static S3Target target(String bucket, String key) {
        return new S3Target(bucket, key, "us-east-1", endpoint(), ACCESS_KEY, SECRET_KEY);
    }

    public static byte[] object(String bucket, String key) throws java.io.IOException {
        var blob = store().getBlob(bucket, key);
        if (blob == null) {
            return null;
        }
        try (var in = blob.getPayload().openStream()) {
            return in.readAllBytes();
        }
    }

    public static void put(String bucket, String key, byte[] content) {
        store().putBlob(bucket, store().blobBuilder(key).payload(content).build());
    }
}
