package com.smplat.providerautomation.support;

import org.springframework.stereotype.Component;

/**
 * The lock steps of route template {@code single-flight-run} ({@code routes/single-flight.yaml}, contract resolution
 * 3): the pipeline's advisory lock taken without waiting, and released.
 */
@Component("singleFlight")
public class SingleFlight {
    private final AdvisoryLocks locks;

    public SingleFlight(AdvisoryLocks locks) {
        this.locks = locks;
    }

    /** The lease of the lock, or null while another run (on any instance) holds it. */
    public AdvisoryLocks.Lease acquire(String lockName) {
        return locks.tryAcquire(lockName).orElse(null);
    }

    public void release(AdvisoryLocks.Lease lease) {
        if (lease != null) {
            lease.close();
        }
    }
}
