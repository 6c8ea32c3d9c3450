package dev.vigil.otp.flow;

import dev.vigil.otp.limits.SendLimit;

/** What became of a request to send a code. */
public sealed interface SendOutcome {

    record Sent(Destination destination) implements SendOutcome {
    }

    /** A sending limit refused it; the message never says which but the cooldown. */
    record Limited(SendLimit limit) implements SendOutcome {
    }

    record CountryRefused() implements SendOutcome {
    }

    /** The channel failed; {@code errorCode} is Twilio's code, or timeout / network / configuration. */
    record Failed(String errorCode) implements SendOutcome {
    }
}
