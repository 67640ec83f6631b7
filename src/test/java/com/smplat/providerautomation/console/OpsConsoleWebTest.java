package com.smplat.providerautomation.console;

import static org.assertj.core.api.Assertions.assertThat;

import com.smplat.providerautomation.ApiClient;
import com.smplat.providerautomation.ServiceTest;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

/** How the console's files are served: from the jar, without the API key, with a strict Content-Security-Policy. */
@ServiceTest
class OpsConsoleWebTest {
    @LocalServerPort
    int port;

    ApiClient api;

    @BeforeEach
    void setUp() {
        api = new ApiClient(port);
    }

    private ApiClient.Reply anonymous(String path) {
        return api.send(api.request(path).GET());
    }

    @Test
    void opsRedirectsToThePageWhichNeedsNoKeyAndAllowsNoInlineScript() {
        ApiClient.Reply redirect = anonymous("/ops");
        assertThat(redirect.status()).isEqualTo(302);
        assertThat(redirect.raw().headers().firstValue("Location").orElseThrow()).endsWith("/ops/");

        ApiClient.Reply page = anonymous("/ops/");
        assertThat(page.status()).isEqualTo(200);
        assertThat(page.raw().headers().firstValue("Content-Type").orElseThrow()).startsWith("text/html");
        assertThat(page.raw().headers().firstValue("Content-Security-Policy").orElseThrow())
                .contains("script-src 'self'").contains("connect-src 'self'").doesNotContain("unsafe-inline");
        assertThat(page.raw().headers().firstValue("X-Content-Type-Options")).hasValue("nosniff");
        // every script is a file of this origin: no inline script, no event-handler attribute
        assertThat(Pattern.compile("<script(?![^>]*\\ssrc=)").matcher(page.body()).find()).isFalse();
        assertThat(Pattern.compile("\\son[a-z]+=", Pattern.CASE_INSENSITIVE).matcher(page.body()).find()).isFalse();
        assertThat(page.body()).doesNotContain(ServiceTest.API_KEY);
    }

    @Test
    void scriptsAndStylesAreServedFromTheJarWithTheirTypes() {
        ApiClient.Reply script = anonymous("/ops/js/main.js");
        assertThat(script.status()).isEqualTo(200);
        assertThat(script.raw().headers().firstValue("Content-Type").orElseThrow()).contains("javascript");
        ApiClient.Reply style = anonymous("/ops/console.css");
        assertThat(style.status()).isEqualTo(200);
        assertThat(style.raw().headers().firstValue("Content-Type").orElseThrow()).startsWith("text/css");
        assertThat(anonymous("/ops/missing.js").status()).isEqualTo(404);
    }

    @Test
    void theApiStillWantsTheKey() {
        assertThat(anonymous("/api/v1/fulfillment/providers/automation/status").status()).isEqualTo(401);
    }
}
