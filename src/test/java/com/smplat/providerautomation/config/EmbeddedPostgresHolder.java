package com.smplat.providerautomation.config;

import java.nio.file.Path;

/** Test helper process: starts the embedded server on a data directory, says so, and waits to be killed. */
public final class EmbeddedPostgresHolder {
    public static void main(String[] args) throws Exception {
        EmbeddedPostgresServer.start(Path.of(args[0]), 0);
        System.out.println("ready");
        System.out.flush();
        Thread.sleep(120_000);
    }
}
