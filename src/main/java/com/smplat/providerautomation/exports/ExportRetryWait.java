package com.smplat.providerautomation.exports;

import org.apache.camel.Exchange;
import org.apache.camel.Processor;
import org.springframework.stereotype.Component;

/**
 * The one adapter of the export retries: the {@code onExceptionOccurredRef} of their route configurations, run on the
 * exchange itself right after each failed attempt (Camel has counted it) and before {@code retryWhile}. It decides
 * once, with {@link ExportRetries#waitBeforeRetry}: the wait goes in header {@code CamelRedeliveryDelay}, which Camel
 * reads for that one redelivery, and in exchange property {@link ExportRetries#NEXT_WAIT}, which {@code retryWhile}
 * tests (a {@code retryWhile} bean would run on a copy of the exchange, so it could not set the delay itself); the
 * attempts made go in {@link ExportRetries#ATTEMPTS} for the caller's failure message.
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
        if (wait == null) {
            exchange.removeProperty(ExportRetries.NEXT_WAIT);
        } else {
            exchange.setProperty(ExportRetries.NEXT_WAIT, wait);
            exchange.getMessage().setHeader(Exchange.REDELIVERY_DELAY, wait);
        }
    }
}
