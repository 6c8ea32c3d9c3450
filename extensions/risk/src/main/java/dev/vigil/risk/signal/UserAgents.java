package dev.vigil.risk.signal;

import java.util.Optional;

import nl.basjes.parse.useragent.UserAgent;
import nl.basjes.parse.useragent.UserAgentAnalyzer;

/**
 * Parses user agents with Yauaa into the three coarse levels the risk model compares. One analyzer per server:
 * it is thread-safe, slow to build (it compiles thousands of matchers) and caches recent agents.
 */
public final class UserAgents {

    /** Longer headers are cut before parsing: no real browser sends more, and parsing cost grows with length. */
    private static final int MAX_LENGTH = 512;

    private static final String AGENT = "AgentName";
    private static final String AGENT_MAJOR = "AgentVersionMajor";
    private static final String OS = "OperatingSystemName";
    private static final String OS_MAJOR = "OperatingSystemVersionMajor";
    private static final String DEVICE_CLASS = "DeviceClass";

    private final UserAgentAnalyzer analyzer;

    public UserAgents(int cacheSize) {
        this.analyzer = UserAgentAnalyzer.newBuilder()
                .withFields(AGENT, AGENT_MAJOR, OS, OS_MAJOR, DEVICE_CLASS)
                .withCache(cacheSize)
                .hideMatcherLoadStats()
                .immediateInitialization()
                .build();
    }

    /** The header as far as Vigil reads it: cut at {@value #MAX_LENGTH} characters. */
    static String bounded(String header) {
        return header.length() > MAX_LENGTH ? header.substring(0, MAX_LENGTH) : header;
    }

    public ParsedAgent parse(String header) {
        UserAgent parsed = analyzer.parse(bounded(header));
        return new ParsedAgent(
                known(parsed, AGENT).map(name -> withMajor(name, known(parsed, AGENT_MAJOR))),
                known(parsed, OS).map(name -> withMajor(name, known(parsed, OS_MAJOR))),
                known(parsed, DEVICE_CLASS));
    }

    private static String withMajor(String name, Optional<String> major) {
        return major.map(version -> name + " " + version).orElse(name);
    }

    /** Yauaa answers "Unknown" or "??" rather than nothing. */
    private static Optional<String> known(UserAgent parsed, String field) {
        String value = parsed.getValue(field);
        return value == null || value.isBlank() || value.equals("??") || value.startsWith("Unknown")
                || value.startsWith("Hacker") ? Optional.empty() : Optional.of(value);
    }

    public void close() {
        analyzer.destroy();
    }

    /**
     * @param browser    e.g. "Firefox 128"
     * @param os         e.g. "Windows 10", "Linux"
     * @param deviceType Yauaa's device class, e.g. "Desktop", "Phone", "Tablet"
     */
    public record ParsedAgent(Optional<String> browser, Optional<String> os, Optional<String> deviceType) {

        /** What a person reads in the account console, e.g. "Firefox 128 on Linux (Desktop)". */
        public Optional<String> label() {
            if (browser.isEmpty() && os.isEmpty()) {
                return Optional.empty();
            }
            String what = browser.orElse("Unknown browser") + os.map(name -> " on " + name).orElse("");
            return Optional.of(deviceType.map(type -> what + " (" + type + ")").orElse(what));
        }
    }
}
