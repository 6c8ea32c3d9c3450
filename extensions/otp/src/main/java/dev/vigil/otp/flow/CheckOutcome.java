package dev.vigil.otp.flow;

/** What became of a typed code. */
public sealed interface CheckOutcome {

    /** Right, and consumed: it will never work again. */
    record Accepted(String destination) implements CheckOutcome {
    }

    record Wrong() implements CheckOutcome {
    }

    /** Nothing typed: not counted as an attempt. */
    record Missing() implements CheckOutcome {
    }

    /** No live code for this session (never sent, expired, or already used). */
    record NoCode() implements CheckOutcome {
    }

    /** The code's attempts are spent: a new code must be sent. */
    record Spent() implements CheckOutcome {
    }

    /** The user's wrong codes of the hour are spent, across codes and sessions. */
    record Locked() implements CheckOutcome {
    }

    /** The channel that checks codes (Twilio Verify) failed. */
    record Unavailable(String errorCode) implements CheckOutcome {
    }
}
