package dev.vigil.otp.delivery;

/** The ways a one-time code can reach a user. */
public enum OtpChannel {
    SMS,
    EMAIL
}
