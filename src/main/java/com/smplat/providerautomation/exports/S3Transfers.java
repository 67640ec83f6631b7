package com.smplat.providerautomation.exports;

import java.io.ByteArrayInputStream;
import org.apache.camel.Exchange;
import org.apache.camel.Message;

/** Headers and properties for the {@code export-s3} route: one getObject or putObject through camel-aws2-s3. */
final class S3Transfers {
    /** Exchange property: the camel-aws2-s3 endpoint of the transfer. */
    static final String ENDPOINT = "exportS3Endpoint";
    /** Exchange property: the {@link S3Target} of the transfer, whose client the route binds before the call. */
    static final String TARGET = "exportS3Target";

    private S3Transfers() {
    }

    static void prepareGet(Exchange exchange, S3Target target) {
        Message message = exchange.getMessage();
        message.removeHeaders("*");
        message.setBody(null);
        message.setHeader("CamelAwsS3Key", target.key());
        prepare(exchange, target, "getObject");
    }

    static void preparePut(Exchange exchange, S3Target target, byte[] content, String contentType) {
        Message message = exchange.getMessage();
        message.removeHeaders("*");
        message.setHeader("CamelAwsS3Key", target.key());
        message.setHeader("CamelAwsS3ContentType", contentType);
        message.setHeader("CamelAwsS3ContentLength", (long) content.length);
        message.setBody(new ByteArrayInputStream(content));
        prepare(exchange, target, null);
    }

    static void preparePutFile(Exchange exchange, S3Target target, java.nio.file.Path file, String contentType) {
        Message message = exchange.getMessage();
        message.removeHeaders("*");
        message.setHeader("CamelAwsS3Key", target.key());
        message.setHeader("CamelAwsS3ContentType", contentType);
        message.setBody(file.toFile());
        prepare(exchange, target, null);
    }

    private static void prepare(Exchange exchange, S3Target target, String operation) {
        exchange.setProperty(TARGET, target);
        exchange.setProperty(ENDPOINT, target.endpointUri(operation));
        exchange.setProperty(ExportRetries.BASE_DELAY, exchange.getProperty(ExportRetries.BASE_DELAY + ".s3", 1000L, Long.class));
        exchange.removeProperty(ExportRetries.FAILURE);
    }
}
