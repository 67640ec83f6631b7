package com.smplat.providerautomation.exports;

import org.apache.camel.Exchange;
import org.apache.camel.Processor;
import org.springframework.stereotype.Component;

/**
 * The one adapter of the export retries: the {@code onExceptionOccurredRef} of their route configurations, run on the
 * exchange itself right after each failed attempt (Camel has counted it) and before {@code retryWhile}. It puts the
 * wait of {@link ExportRetries#waitBeforeRetry} in header {@code CamelRedeliveryDelay}, which Camel reads for that one
 * redelivery, and the attempts made in {@link ExportRetries#ATTEMPTS} for the caller's failure message.
 */
@Component("exportRetryWait")
public class ExportRetryWait implements Processor {
    @Override
    public void process(Exchange exchange) {
        Throwable failure = exchange.getException() != null ? exchange.getException()
                : exchange.getProperty(Exchange.EXCEPTION_CAUGHT, Throwable.class);
        int failed = exchange.getMessage().getHeader(Exchange.REDELIVERY_COUNTER, 1, Integer.class);
        Long wait = ExportRetries.waitBeforeRetry(exchange.getProperty(ExportRetries.POLICY, String.class), failure, failed,
                exchange.getProperty(ExportRetries.MAX_RETRIES, 0, Integer.class),
                exchange.getProperty(ExportRetries.BASE_DELAY, ExportRetries.DEFAULT_BASE_MILLIS, Long.class));
        exchange.setProperty(ExportRetries.ATTEMPTS, wait == null ? failed : failed + 1);
        if (wait != null) {
            exchange.getMessage().setHeader(Exchange.REDELIVERY_DELAY, wait);
        }
    }
}
