package dev.vigil.risk.signal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Optional;

import org.junit.jupiter.api.Test;

class UserAgentsTest {

    private final UserAgents agents = SharedUserAgents.AGENTS;

    @Test
    void desktopFirefoxOnLinux() {
        UserAgents.ParsedAgent parsed = agents.parse(
                "Mozilla/5.0 (X11; Linux x86_64; rv:128.0) Gecko/20100101 Firefox/128.0");

        assertThat(parsed.browser()).contains("Firefox 128");
        assertThat(parsed.os()).contains("Linux");
        assertThat(parsed.deviceType()).contains("Desktop");
        assertThat(parsed.label()).contains("Firefox 128 on Linux (Desktop)");
    }

    @Test
    void chromeOnAndroidPhone() {
        UserAgents.ParsedAgent parsed = agents.parse("Mozilla/5.0 (Linux; Android 14; Pixel 8) AppleWebKit/537.36"
                + " (KHTML, like Gecko) Chrome/131.0.0.0 Mobile Safari/537.36");

        assertThat(parsed.browser()).contains("Chrome 131");
        assertThat(parsed.os()).contains("Android 14");
        assertThat(parsed.deviceType()).contains("Phone");
    }

    @Test
    void safariOnIpad() {
        UserAgents.ParsedAgent parsed = agents.parse("Mozilla/5.0 (iPad; CPU OS 17_5 like Mac OS X) AppleWebKit/605.1.15"
                + " (KHTML, like Gecko) Version/17.5 Mobile/15E148 Safari/604.1");

        assertThat(parsed.browser()).contains("Safari 17");
        assertThat(parsed.deviceType()).contains("Tablet");
    }

    @Test
    void garbageGivesNothingRatherThanUnknownLabels() {
        UserAgents.ParsedAgent parsed = agents.parse("}}}{{{ not an agent");

        assertThat(parsed.browser()).isEmpty();
        assertThat(parsed.os()).isEmpty();
        assertThat(parsed.label()).isEmpty();
    }

    @Test
    void oversizedHeaderIsCutNotRejected() {
        String huge = "Mozilla/5.0 (X11; Linux x86_64; rv:128.0) Gecko/20100101 Firefox/128.0 " + "x".repeat(100_000);

        assertThat(agents.parse(huge).browser()).contains("Firefox 128");
    }

    @Test
    void labelWithoutOs() {
        assertThat(new UserAgents.ParsedAgent(Optional.of("Chrome 131"), Optional.empty(), Optional.empty()).label())
                .contains("Chrome 131");
    }
}
