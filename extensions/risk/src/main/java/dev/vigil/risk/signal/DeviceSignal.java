package dev.vigil.risk.signal;

import java.util.List;
import java.util.Locale;
import java.util.Optional;

import dev.vigil.api.history.Feature;
import dev.vigil.risk.signal.UserAgents.ParsedAgent;

/**
 * The browser as its headers describe it: the user agent at three levels (whole string, browser and major
 * version, OS and major version) plus the device class, and the preferred language.
 */
final class DeviceSignal implements RiskSignal {

    /** Accept-Language headers longer than this are ignored rather than parsed. */
    private static final int MAX_LANGUAGE_HEADER = 256;

    private final UserAgents agents;

    DeviceSignal(UserAgents agents) {
        this.agents = agents;
    }

    @Override
    public void observe(LoginContext login, Evidence evidence) {
        if (login.collects(Feature.USER_AGENT)) {
            login.header("User-Agent").ifPresent(header -> {
                ParsedAgent parsed = agents.parse(header);
                evidence.observe(Feature.USER_AGENT, UserAgents.bounded(header));
                parsed.browser().ifPresent(browser -> evidence.observe(Feature.BROWSER, browser));
                parsed.os().ifPresent(os -> evidence.observe(Feature.OS, os));
                parsed.deviceType().ifPresent(type -> evidence.observe(Feature.DEVICE_TYPE, type));
                parsed.label().ifPresent(evidence::deviceLabel);
            });
        }
        if (login.collects(Feature.LANGUAGE)) {
            login.header("Accept-Language").flatMap(DeviceSignal::preferredLanguage)
                    .ifPresent(language -> evidence.observe(Feature.LANGUAGE, language));
        }
    }

    /** The first language range of the header, lower-cased (e.g. "en-gb"); empty when absent or malformed. */
    static Optional<String> preferredLanguage(String header) {
        if (header.length() > MAX_LANGUAGE_HEADER) {
            return Optional.empty();
        }
        try {
            List<Locale.LanguageRange> ranges = Locale.LanguageRange.parse(header);
            return ranges.stream().map(Locale.LanguageRange::getRange).filter(range -> !range.equals("*")).findFirst();
        } catch (IllegalArgumentException malformed) {
            return Optional.empty();
        }
    }
}
