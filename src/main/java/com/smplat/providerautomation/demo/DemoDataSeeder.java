package com.smplat.providerautomation.demo;

import com.smplat.providerautomation.config.ServerSettings;
import com.smplat.providerautomation.support.Timestamps;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/** {@code seed-demo}: loads the {@link DemoDataSet} in one transaction and reports what it added. */
@Component("demoDataSeeder")
public class DemoDataSeeder {
    private final DemoDataRepository repository;
    private final TransactionTemplate transaction;
    private final String sandboxBaseUrl;

    public DemoDataSeeder(DemoDataRepository repository, TransactionTemplate transaction, ServerSettings server) {
        this.repository = repository;
        this.transaction = transaction;
        this.sandboxBaseUrl = server.sandboxBaseUrl();
    }

    /** {@code {"added": {table: n}, "totals": {table: n}}}. */
    public Map<String, Object> seed() {
        DemoDataSet dataSet = DemoDataSet.build(Timestamps.now(), sandboxBaseUrl);
        Map<String, Integer> added = transaction.execute(status -> {
            Map<String, Integer> result = new LinkedHashMap<>();
            for (String table : DemoDataRepository.INSERTS.keySet()) {
                result.put(table, repository.insert(table, dataSet.rows(table)));
            }
            return result;
        });
        Map<String, Object> summary = new LinkedHashMap<>();
        summary.put("added", added);
        summary.put("totals", repository.counts());
        summary.put("sandboxBaseUrl", sandboxBaseUrl);
        return summary;
    }
}
