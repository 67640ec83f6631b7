package com.smplat.providerautomation.api;

import com.smplat.providerautomation.config.ApiSettings;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.web.context.WebServerApplicationContext;
import org.springframework.context.ApplicationContext;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * Warms the hot read paths before readiness turns {@code UP}: for {@code STARTUP_WARMUP_SECONDS} (default 8, 0 turns
 * it off) a few threads call the status and history endpoints of this instance over real HTTP on loopback, so the
 * JIT has compiled Tomcat, the REST routes, the queries and the JSON rendering before a load balancer sends traffic.
 * Spring Boot publishes {@code ACCEPTING_TRAFFIC} only after the application runners, so readiness stays
 * {@code OUT_OF_SERVICE} meanwhile; the routes, the database and the scheduler are already up. The warm-up only reads,
 * is bounded by its length, and stops at the first refused or failed request: it never holds a start back.
 * One-shot commands have no web server and skip it.
 */
@Component
@Order(0)
public class HotPathWarmUp implements ApplicationRunner {
    static final List<String> PATHS = List.of("/api/v1/fulfillment/providers/automation/status",
            "/api/v1/fulfillment/providers/automation/status/history?limit=10");
    private static final Logger LOG = LoggerFactory.getLogger(HotPathWarmUp.class);
    private static final int THREADS = 4;
    /** Every n-th request reads the history; the rest read the status, the hottest path. */
    private static final int HISTORY_EVERY = 8;

    private final ApplicationContext context;
    private final ApiSettings api;
    private final Duration length;

    public HotPathWarmUp(ApplicationContext context, ApiSettings api,
                         @Value("${startup.warmup-seconds:8}") int seconds) {
        this.context = context;
        this.api = api;
        this.length = Duration.ofSeconds(Math.max(0, Math.min(seconds, 120)));
    }

    @Override
    public void run(ApplicationArguments args) {
        if (length.isZero() || !(context instanceof WebServerApplicationContext web) || web.getWebServer() == null) {
            return;
        }
        String base = "http://127.0.0.1:" + web.getWebServer().getPort();
        long deadline = System.nanoTime() + length.toNanos();
        AtomicLong requests = new AtomicLong();
        long started = System.nanoTime();
        ExecutorService threads = Executors.newFixedThreadPool(THREADS, runnable -> {
            Thread thread = new Thread(runnable, "hot-path-warm-up");
            thread.setDaemon(true);
            return thread;
        });
        // the client's own executor: the workers block in send(), which needs free threads to complete
        HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(2)).build();
        try {
            List<CompletableFuture<String>> workers = new ArrayList<>();
            for (int i = 0; i < THREADS; i++) {
                workers.add(CompletableFuture.supplyAsync(() -> load(client, base, deadline, requests), threads));
            }
            String stopped = workers.stream().map(CompletableFuture::join).filter(reason -> reason != null).findFirst().orElse(null);
            double seconds = Math.max(0.001, (System.nanoTime() - started) / 1e9);
            if (stopped != null) {
                LOG.warn("Hot-path warm-up stopped after {} request(s): {}", requests.get(), stopped);
            } else {
                LOG.info("Hot-path warm-up: {} requests in {} s ({} requests/s) before readiness", requests.get(),
                        Math.round(seconds), Math.round(requests.get() / seconds));
            }
        } finally {
            threads.shutdownNow();
        }
    }

    /** One worker's loop until the deadline; the reason it stopped early, or null. */
    private String load(HttpClient client, String base, long deadline, AtomicLong requests) {
        List<HttpRequest> calls = new ArrayList<>();
        for (String path : PATHS) {
            HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(2)).GET();
            api.checkoutApiKey().ifPresent(key -> request.header("X-API-Key", key));
            calls.add(request.build());
        }
        // at least one round per worker, however late it started
        long n = 0;
        do {
            HttpRequest call = calls.get(n++ % HISTORY_EVERY == 0 ? 1 : 0);
            try {
                HttpResponse<Void> response = client.send(call, HttpResponse.BodyHandlers.discarding());
                if (response.statusCode() != 200) {
                    return call.uri().getPath() + " answered " + response.statusCode();
                }
            } catch (java.io.IOException e) {
                return call.uri().getPath() + " failed (" + e.getClass().getSimpleName() + ")";
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return "interrupted";
            }
            requests.incrementAndGet();
        } while (System.nanoTime() - deadline < 0);
        return null;
    }
}
