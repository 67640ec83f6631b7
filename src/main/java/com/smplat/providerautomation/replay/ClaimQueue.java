package com.smplat.providerautomation.replay;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Function;

/**
 * One batch's claimed jobs. A thread of its own claims the planned provider orders chunk by chunk, at most about
 * two chunks ahead of the workers that take them: a worker never waits for a claim while jobs are queued, and no
 * entry stays claimed for long before it runs. {@link #close} stops the claiming and hands back the jobs claimed
 * but never taken, so that the batch can release them.
 */
final class ClaimQueue {
    /** Claims the wanted entries of one chunk of provider orders (one transaction); the jobs it could claim. */
    interface Claimer extends Function<Map<UUID, List<String>>, List<BatchRun.ClaimedJob>> {
    }

    private static final Object END = new Object();

    private record Failure(RuntimeException error) {
    }

    private final Map<UUID, List<String>> plan;
    private final int chunkSize;
    private final Claimer claimer;
    private final BlockingQueue<Object> ready;
    private final List<BatchRun.ClaimedJob> unqueued = new ArrayList<>();
    private volatile boolean closed;
    private Future<?> filling;

    /** {@code plan}: the wanted entry ids per provider order, in the order they are to be claimed. */
    ClaimQueue(Map<UUID, List<String>> plan, int chunkSize, Claimer claimer) {
        this.plan = new LinkedHashMap<>(plan);
        this.chunkSize = chunkSize;
        this.claimer = claimer;
        this.ready = new ArrayBlockingQueue<>(chunkSize + 1);
    }

    void start(ExecutorService executor) {
        filling = executor.submit(this::fill);
    }

    private void fill() {
        Iterator<UUID> planned = plan.keySet().iterator();
        try {
            while (planned.hasNext() && !closed) {
                Map<UUID, List<String>> chunk = new LinkedHashMap<>();
                while (planned.hasNext() && chunk.size() < chunkSize) {
                    UUID id = planned.next();
                    chunk.put(id, plan.get(id));
                }
                List<BatchRun.ClaimedJob> jobs = claimer.apply(chunk);
                for (int i = 0; i < jobs.size(); i++) {
                    if (!enqueue(jobs.get(i))) {
                        synchronized (unqueued) {
                            unqueued.addAll(jobs.subList(i, jobs.size()));
                        }
                        return;
                    }
                }
            }
            enqueue(END);
        } catch (RuntimeException e) {
            enqueueQuietly(new Failure(e));
        } catch (Error e) {
            enqueueQuietly(new Failure(new IllegalStateException("claiming replay entries failed", e)));
            throw e;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void enqueueQuietly(Object item) {
        try {
            enqueue(item);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private boolean enqueue(Object item) throws InterruptedException {
        while (!closed) {
            if (ready.offer(item, 100, TimeUnit.MILLISECONDS)) {
                return true;
            }
        }
        return false;
    }

    /** The next claimed job, waiting for its claim if need be; empty when every planned order has been handed out. */
    Optional<BatchRun.ClaimedJob> take() {
        try {
            Object next = ready.take();
            if (next instanceof BatchRun.ClaimedJob job) {
                return Optional.of(job);
            }
            // the end marker and a failure stay in the queue for the other workers
            ready.put(next);
            if (next instanceof Failure failure) {
                throw failure.error();
            }
            return Optional.empty();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for a replay claim", e);
        }
    }

    /** Stops claiming; returns the jobs that were claimed but never taken. */
    List<BatchRun.ClaimedJob> close() {
        closed = true;
        if (filling != null) {
            try {
                filling.get(30, TimeUnit.SECONDS);
            } catch (TimeoutException | java.util.concurrent.ExecutionException e) {
                filling.cancel(true);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        List<BatchRun.ClaimedJob> untaken = new ArrayList<>();
        for (Object item : ready) {
            if (item instanceof BatchRun.ClaimedJob job) {
                untaken.add(job);
            }
        }
        ready.clear();
        synchronized (unqueued) {
            untaken.addAll(unqueued);
        }
        return untaken;
    }
}
