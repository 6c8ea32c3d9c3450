package dev.vigil.otp.limits;

/** Which sending limit refused a code; the user sees one message for all but the cooldown. */
public enum SendLimit {
    COOLDOWN("resend_cooldown"),
    DESTINATION("per_destination_hour"),
    USER("per_user_hour"),
    SESSION("per_session"),
    IP_ADDRESS("per_ip_hour"),
    REALM("per_realm_minute");

    private final String eventDetail;

    SendLimit(String eventDetail) {
        this.eventDetail = eventDetail;
    }

    public String eventDetail() {
        return eventDetail;
    }
}
