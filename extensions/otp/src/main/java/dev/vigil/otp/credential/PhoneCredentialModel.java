package dev.vigil.otp.credential;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Map;

import dev.vigil.otp.phone.PhoneNumbers;
import org.keycloak.credential.CredentialModel;
import org.keycloak.util.JsonSerialization;

/**
 * A verified phone for sign-in codes: credential type {@code vigil-phone}. The number is the credential
 * data (not a secret, but shown to the user only masked: the label is the masked number).
 */
public class PhoneCredentialModel extends CredentialModel {

    public static final String TYPE = "vigil-phone";

    private final String e164;

    private PhoneCredentialModel(String e164) {
        this.e164 = e164;
    }

    public static PhoneCredentialModel create(String e164, long createdMillis) {
        PhoneCredentialModel model = new PhoneCredentialModel(e164);
        model.setType(TYPE);
        model.setUserLabel(PhoneNumbers.masked(e164));
        model.setCreatedDate(createdMillis);
        model.setSecretData("{}");
        model.setCredentialData(data(e164));
        return model;
    }

    public static PhoneCredentialModel from(CredentialModel stored) {
        String number;
        try {
            Object value = stored.getCredentialData() == null ? null
                    : JsonSerialization.readValue(stored.getCredentialData(), Map.class).get("phoneNumber");
            number = value == null ? "" : value.toString();
        } catch (IOException e) {
            throw new UncheckedIOException("unreadable vigil-phone credential " + stored.getId(), e);
        }
        PhoneCredentialModel model = new PhoneCredentialModel(number);
        model.setId(stored.getId());
        model.setType(TYPE);
        model.setUserLabel(stored.getUserLabel());
        model.setCreatedDate(stored.getCreatedDate());
        model.setSecretData(stored.getSecretData());
        model.setCredentialData(stored.getCredentialData());
        return model;
    }

    /** What the account console receives: the number masked, as in the label. */
    public PhoneCredentialModel forPresentation() {
        PhoneCredentialModel shown = new PhoneCredentialModel(getUserLabel());
        shown.setId(getId());
        shown.setType(TYPE);
        shown.setUserLabel(getUserLabel());
        shown.setCreatedDate(getCreatedDate());
        shown.setCredentialData(data(getUserLabel()));
        return shown;
    }

    private static String data(String number) {
        try {
            return JsonSerialization.writeValueAsString(Map.of("phoneNumber", number));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public String phoneNumber() {
        return e164;
    }
}
