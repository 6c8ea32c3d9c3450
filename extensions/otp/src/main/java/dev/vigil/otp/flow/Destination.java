package dev.vigil.otp.flow;

import dev.vigil.otp.delivery.OtpChannel;
import dev.vigil.otp.delivery.RecipientMask;
import dev.vigil.otp.phone.PhoneNumbers;

/**
 * Where a code goes.
 *
 * @param channel SMS or e-mail
 * @param address E.164 number or e-mail address
 */
public record Destination(OtpChannel channel, String address) {

    public static Destination sms(String e164) {
        return new Destination(OtpChannel.SMS, e164);
    }

    public static Destination email(String address) {
        return new Destination(OtpChannel.EMAIL, address);
    }

    /** As shown to the user: {@code +33 6** ** ** 78}, {@code a***@example.com}. */
    public String masked() {
        return channel == OtpChannel.SMS ? PhoneNumbers.masked(address) : RecipientMask.mask(address);
    }

    @Override
    public String toString() {
        return "Destination[" + channel + ", " + RecipientMask.mask(address) + "]";
    }
}
