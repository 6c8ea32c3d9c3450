package dev.vigil.otp.credential;

import java.util.Optional;

import org.keycloak.credential.CredentialMetadata;
import org.keycloak.credential.CredentialModel;
import org.keycloak.credential.CredentialProvider;
import org.keycloak.credential.CredentialTypeMetadata;
import org.keycloak.credential.CredentialTypeMetadataContext;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.models.UserModel;

/**
 * The {@code vigil-phone} credential: one verified phone per user. The account console lists it (masked)
 * under two-factor authentication, offers to set it up again (replacing it) through the enrolment action and to remove it
 * through Keycloak's {@code delete_credential} action, which asks for a fresh login first.
 */
public class PhoneCredentialProvider implements CredentialProvider<PhoneCredentialModel> {

    public static final String ENROLMENT_ACTION = "vigil-phone-enrollment";

    private final KeycloakSession session;

    public PhoneCredentialProvider(KeycloakSession session) {
        this.session = session;
    }

    @Override
    public String getType() {
        return PhoneCredentialModel.TYPE;
    }

    /** Stores the phone, replacing any earlier one: a user has one verified phone. */
    @Override
    public CredentialModel createCredential(RealmModel realm, UserModel user, PhoneCredentialModel credential) {
        user.credentialManager().getStoredCredentialsByTypeStream(PhoneCredentialModel.TYPE).toList()
                .forEach(old -> user.credentialManager().removeStoredCredentialById(old.getId()));
        return user.credentialManager().createStoredCredential(credential);
    }

    @Override
    public boolean deleteCredential(RealmModel realm, UserModel user, String credentialId) {
        return user.credentialManager().removeStoredCredentialById(credentialId);
    }

    @Override
    public PhoneCredentialModel getCredentialFromModel(CredentialModel model) {
        return PhoneCredentialModel.from(model);
    }

    /** The account console receives the number masked only. */
    @Override
    public CredentialMetadata getCredentialMetadata(PhoneCredentialModel credential, CredentialTypeMetadata type) {
        CredentialMetadata metadata = new CredentialMetadata();
        metadata.setCredentialModel(credential.forPresentation());
        return metadata;
    }

    public static Optional<PhoneCredentialModel> phoneOf(UserModel user) {
        return user.credentialManager().getStoredCredentialsByTypeStream(PhoneCredentialModel.TYPE)
                .findFirst().map(PhoneCredentialModel::from);
    }

    @Override
    public CredentialTypeMetadata getCredentialTypeMetadata(CredentialTypeMetadataContext metadataContext) {
        return CredentialTypeMetadata.builder()
                .type(getType())
                .category(CredentialTypeMetadata.Category.TWO_FACTOR)
                .displayName("vigilPhoneDisplayName")
                .helpText("vigilPhoneHelpText")
                .iconCssClass("kcAuthenticatorOTPClass")
                // Keycloak allows one of create and update; enrolling again replaces the phone (see createCredential).
                .createAction(ENROLMENT_ACTION)
                .removeable(true)
                .build(session);
    }
}
