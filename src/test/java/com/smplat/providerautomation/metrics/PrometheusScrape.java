package com.smplat.providerautomation.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import com.smplat.providerautomation.ApiClient;
import java.util.Map;

/** One scrape of {@code /actuator/prometheus}, read the way Prometheus reads it: samples by name and labels. */
record PrometheusScrape(String text) {
    static PrometheusScrape of(int port) {
        ApiClient.Reply reply = new ApiClient(port).get("/actuator/prometheus");
        assertThat(reply.status()).as(reply.body()).isEqualTo(200);
        return new PrometheusScrape(reply.body());
    }

    /** The sum of the samples named {@code name} whose labels include {@code labels}; 0 when none. */
    double value(String name, Map<String, String> labels) {
        double sum = 0;
        for (String line : text.lines().toList()) {
            if (line.startsWith("#") || !(line.startsWith(name + "{") || line.startsWith(name + " "))) {
                continue;
            }
            int end = line.lastIndexOf(' ');
            String series = line.substring(0, end);
            if (labels.entrySet().stream().allMatch(label -> series.contains(label.getKey() + "=\"" + label.getValue() + "\""))) {
                sum += Double.parseDouble(line.substring(end + 1));
            }
        }
        return sum;
    }

    double value(String name) {
        return value(name, Map.of());
    }

    boolean has(String name) {
        return text.lines().anyMatch(line -> line.startsWith(name + "{") || line.startsWith(name + " "));
    }
}
