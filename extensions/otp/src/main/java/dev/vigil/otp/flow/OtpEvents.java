package dev.vigil.otp.flow;

import dev.vigil.otp.credential.PhoneCredentialModel;
import org.keycloak.events.Details;
import org.keycloak.events.Errors;
import org.keycloak.events.EventBuilder;
import org.keycloak.models.UserModel;

/**
 * Vigil's OTP events, as error events of Keycloak's own types (LOGIN_ERROR during sign-in,
 * CUSTOM_REQUIRED_ACTION_ERROR during enrolment, the account API's own types there) with a {@code vigil_event} detail. Each is sent from a
 * clone, so its details do not leak into the login's final event.
 */
public final class OtpEvents {

    public static final String VIGIL_EVENT = "vigil_event";
    static final String LIMIT = "vigil_limit";
    static final String DELIVERY_ERROR = "vigil_delivery_error";
    static final String CHANNEL = "vigil_otp_channel";

    private OtpEvents() {
    }

    /** Refusals and failures of a send (the login's own event gets the channel once the code is accepted). */
    public static void sent(EventBuilder event, UserModel user, SendOutcome outcome) {
        if (outcome instanceof SendOutcome.Limited limited) {
            error(event, user, "VIGIL_OTP_SEND_LIMITED", "vigil_otp_send_limited", LIMIT, limited.limit().eventDetail());
        } else if (outcome instanceof SendOutcome.CountryRefused) {
            error(event, user, "VIGIL_OTP_COUNTRY_REFUSED", "vigil_otp_country_refused");
        } else if (outcome instanceof SendOutcome.Failed failed) {
            error(event, user, "VIGIL_OTP_DELIVERY_FAILED", "vigil_otp_delivery_failed", DELIVERY_ERROR, failed.errorCode());
        }
    }

    public static void checked(EventBuilder event, UserModel user, CheckOutcome outcome) {
        if (outcome instanceof CheckOutcome.Wrong) {
            error(event, user, "VIGIL_OTP_WRONG_CODE", Errors.INVALID_USER_CREDENTIALS);
        } else if (outcome instanceof CheckOutcome.Spent) {
            error(event, user, "VIGIL_OTP_CODE_SPENT", "vigil_otp_code_spent");
        } else if (outcome instanceof CheckOutcome.Locked) {
            error(event, user, "VIGIL_OTP_LOCKED", "vigil_otp_locked");
        } else if (outcome instanceof CheckOutcome.Unavailable unavailable) {
            error(event, user, "VIGIL_OTP_DELIVERY_FAILED", "vigil_otp_delivery_failed", DELIVERY_ERROR, unavailable.errorCode());
        }
    }

    /** Keycloak's brute-force detection locked the user: {@code error} is its own (user_temporarily_disabled...). */
    public static void lockedByBruteForceDetection(EventBuilder event, UserModel user, String error) {
        error(event, user, "VIGIL_OTP_LOCKED", error);
    }

    public static void enrolmentRefusedForRisk(EventBuilder event, UserModel user) {
        error(event, user, "VIGIL_PHONE_ENROLMENT_REFUSED", "vigil_risk_high");
    }

    /** A user with no verified factor, outside a LOW login: enrolling would pass a step-up with a factor of their choosing. */
    public static void enrolmentRefusedWithoutFactor(EventBuilder event, UserModel user) {
        error(event, user, "VIGIL_PHONE_ENROLMENT_REFUSED", "vigil_no_verified_factor");
    }

    /** A change of the e-mail address refused: {@code vigil_risk_high}, {@code vigil_no_verified_factor}, or {@code vigil_fresh_code_required} where no code can be asked. */
    public static void emailChangeRefused(EventBuilder event, UserModel user, String error) {
        error(event, user, "VIGIL_EMAIL_CHANGE_REFUSED", error);
    }

    /** A change of the phone refused where no code can be asked (Keycloak's account REST API). */
    public static void phoneChangeRefused(EventBuilder event, UserModel user) {
        error(event, user, "VIGIL_PHONE_CHANGE_REFUSED", "vigil_fresh_code_required", Details.CREDENTIAL_TYPE, PhoneCredentialModel.TYPE);
    }

    private static void error(EventBuilder event, UserModel user, String vigilEvent, String error, String... details) {
        EventBuilder copy = event.clone().user(user).detail(VIGIL_EVENT, vigilEvent);
        for (int i = 0; i + 1 < details.length; i += 2) {
            copy.detail(details[i], details[i + 1]);
        }
        copy.error(error);
    }
}
