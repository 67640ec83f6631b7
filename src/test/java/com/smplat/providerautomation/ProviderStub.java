package com.smplat.providerautomation;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;

/**
 * One real HTTP server (WireMock) standing in for providers, started once per test JVM and shared, like the
 * Spring context. Tests register stubs on their own paths and reset nothing global.
 */
public final class ProviderStub {
    private static WireMockServer server;

    private ProviderStub() {
    }

    public static synchronized WireMockServer server() {
        if (server == null) {
            server = new WireMockServer(WireMockConfiguration.options().dynamicPort().containerThreads(40)
                    .asynchronousResponseEnabled(true).asynchronousResponseThreads(40));
            server.start();
            Runtime.getRuntime().addShutdownHook(new Thread(server::stop));
        }
        return server;
    }

    public static String baseUrl() {
        return "http://127.0.0.1:" + server().port();
    }
}
