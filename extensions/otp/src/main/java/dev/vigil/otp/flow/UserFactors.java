package dev.vigil.otp.flow;

import java.util.Optional;

import dev.vigil.otp.credential.PhoneCredentialModel;
import dev.vigil.otp.credential.PhoneCredentialProvider;
import org.keycloak.models.UserModel;

/**
 * The second factors a user already has, the only places a code may go to prove it is them: the phone of their
 * {@code vigil-phone} credential (proven by a code when it was registered) and their e-mail address once Keycloak
 * marks it verified. An unverified address is anybody's: no code ever goes there.
 */
public final class UserFactors {

    private UserFactors() {
    }

    public static Optional<String> verifiedEmail(UserModel user) {
        String email = user.getEmail();
        return user.isEmailVerified() && email != null && !email.isBlank() ? Optional.of(email) : Optional.empty();
    }

    /** Whether a code can reach the user at all, whatever the channel. */
    public static boolean hasAny(UserModel user) {
        return PhoneCredentialProvider.phoneOf(user).isPresent() || verifiedEmail(user).isPresent();
    }

    /** Where a code goes: the verified phone; else the verified e-mail when allowed; with the e-mail channel, always e-mail. */
    public static Optional<Destination> preferred(UserModel user, OtpConfig config) {
        Optional<Destination> email = verifiedEmail(user).map(Destination::email);
        if (config.emailOnly()) {
            return email;
        }
        Optional<PhoneCredentialModel> phone = PhoneCredentialProvider.phoneOf(user);
        if (phone.isPresent()) {
            return Optional.of(Destination.sms(phone.get().phoneNumber()));
        }
        return config.emailAllowed() ? email : Optional.empty();
    }
}
