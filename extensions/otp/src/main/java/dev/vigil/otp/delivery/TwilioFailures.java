package dev.vigil.otp.delivery;

import java.io.InterruptedIOException;

import com.twilio.exception.ApiException;
import com.twilio.exception.TwilioException;

/** Twilio SDK exceptions as delivery failures that carry Twilio's error code, never the number or the code. */
final class TwilioFailures {

    private TwilioFailures() {
    }

    static OtpDeliveryException of(String what, TwilioException e) {
        if (causedByTimeout(e)) {
            return new OtpDeliveryException(what + ": Twilio did not answer in time", OtpDeliveryException.TIMEOUT, null);
        }
        if (e instanceof ApiException api && api.getCode() != null) {
            return new OtpDeliveryException(what + " refused by Twilio: error " + api.getCode()
                    + " (HTTP " + api.getStatusCode() + ")", String.valueOf(api.getCode()), null);
        }
        return new OtpDeliveryException(what + ": Twilio unreachable (" + e.getClass().getSimpleName() + ")",
                OtpDeliveryException.NETWORK, null);
    }

    private static boolean causedByTimeout(Throwable e) {
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
            if (cause instanceof InterruptedIOException) { // SocketTimeoutException and HttpClient's timeouts
                return true;
            }
            if (cause.getMessage() != null && cause.getMessage().contains("timed out")) {
                return true;
            }
        }
        return false;
    }
}
