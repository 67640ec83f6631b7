package com.smplat.providerautomation.exports;

import com.smplat.providerautomation.config.ExportSettings;
import java.net.URI;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.camel.CamelContext;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.stereotype.Component;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.awscore.retry.AwsRetryStrategy;
import software.amazon.awssdk.core.client.config.ClientOverrideConfiguration;
import software.amazon.awssdk.http.apache.ApacheHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * The S3 clients of the export transfers, one per distinct target (region, endpoint, credentials), each bound in the
 * Camel registry under {@link S3Target#clientName()} so the {@code aws2-s3:} endpoint names it as
 * {@code amazonS3Client} and carries no credentials. camel-aws2-s3 4.17 has no timeout options: the bound
 * (GUARDRAIL_EXPORT_S3_TIMEOUT_SECONDS) is set here, on the HTTP client and on every call attempt.
 */
@Component("s3ClientCache")
public class S3ClientCache implements DisposableBean {
    private final CamelContext camelContext;
    private final Duration timeout;
    private final Map<String, S3Client> clients = new ConcurrentHashMap<>();

    public S3ClientCache(CamelContext camelContext, ExportSettings settings) {
        this.camelContext = camelContext;
        this.timeout = Duration.ofSeconds(settings.s3TimeoutSeconds());
    }

    /**
     * The registry name of the target's client, built and bound on first use: the {@code aws2-s3:} endpoint of the
     * transfer names it as {@code amazonS3Client=#<name>}.
     */
    public String clientFor(S3Target target) {
        clients.computeIfAbsent(target.clientName(), name -> {
            S3Client client = build(target);
            camelContext.getRegistry().bind(name, S3Client.class, client);
            return client;
        });
        return target.clientName();
    }

    S3Client build(S3Target target) {
        AwsCredentialsProvider credentials = target.accessKey() != null && target.secretKey() != null
                ? StaticCredentialsProvider.create(AwsBasicCredentials.create(target.accessKey(), target.secretKey()))
                : DefaultCredentialsProvider.builder().build();
        var builder = S3Client.builder().region(Region.of(target.region())).credentialsProvider(credentials)
                .httpClientBuilder(ApacheHttpClient.builder().connectionTimeout(timeout).socketTimeout(timeout))
                // no SDK retries: the route configuration export-s3-transfer makes the 3 attempts of exports.md 3.8, and a
                // timed-out attempt is one of them; the call bound only adds headroom over the attempt's
                .overrideConfiguration(ClientOverrideConfiguration.builder()
                        .retryStrategy(AwsRetryStrategy.doNotRetry())
                        .apiCallAttemptTimeout(timeout).apiCallTimeout(timeout.multipliedBy(2)).build());
        if (target.endpoint() != null) {
            builder.endpointOverride(URI.create(target.endpoint())).forcePathStyle(true);
        }
        return builder.build();
    }

    @Override
    public void destroy() {
        clients.values().forEach(S3Client::close);
        clients.clear();
    }
}
