package com.smplat.providerautomation.cli;

/** The contract's exit codes. */
public final class ExitCodes {
    public static final int SUCCESS = 0;
    public static final int RUNTIME_FAILURE = 1;
    public static final int USAGE = 2;
    /** {@code serve} returns this: the process keeps running until it is stopped. */
    public static final int KEEP_RUNNING = -1;

    private ExitCodes() {
    }
}
