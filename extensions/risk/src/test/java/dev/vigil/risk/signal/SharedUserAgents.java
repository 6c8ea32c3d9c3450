package dev.vigil.risk.signal;

/** One Yauaa analyzer for all the module's tests: building one takes seconds, and it is thread-safe. */
final class SharedUserAgents {

    static final UserAgents AGENTS = new UserAgents(100);

    private SharedUserAgents() {
    }
}
