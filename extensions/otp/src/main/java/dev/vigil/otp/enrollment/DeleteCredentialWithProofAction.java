package dev.vigil.otp.enrollment;

import java.util.Optional;

import jakarta.ws.rs.HttpMethod;
import jakarta.ws.rs.core.Response;

import dev.vigil.otp.credential.PhoneCredentialModel;
import dev.vigil.otp.flow.Destination;
import dev.vigil.otp.flow.FactorProof;
import dev.vigil.otp.flow.OtpExchange;
import dev.vigil.otp.flow.UserFactors;
import org.keycloak.authentication.CredentialAction;
import org.keycloak.authentication.RequiredActionContext;
import org.keycloak.authentication.requiredactions.DeleteCredentialAction;
import org.keycloak.models.KeycloakSession;
import org.keycloak.sessions.AuthenticationSessionModel;

/**
 * Keycloak's "Delete Credential" ({@code kc_action=delete_credential:<id>}, the account console's "Remove"), which
 * for a {@code vigil-phone} first asks a fresh code to a factor the user already has, typed in this same
 * authentication: removing the phone changes the second factor, which the password or the SSO cookie alone must not
 * do. Keycloak's own guard, the level of authentication its LoA conditions map to the credential type, never asks
 * for it in Vigil's flows, which step up by risk instead. Other credentials, and the confirmation page, are
 * Keycloak's action unchanged.
 */
public class DeleteCredentialWithProofAction extends WrappedKeycloakAction<DeleteCredentialAction> implements CredentialAction {

    private final FactorProofStep proof;

    DeleteCredentialWithProofAction(DeleteCredentialAction keycloak, FactorProofStep proof) {
        super(keycloak);
        this.proof = proof;
    }

    @Override
    public void requiredActionChallenge(RequiredActionContext context) {
        if (!needsProof(context)) {
            keycloak.requiredActionChallenge(context);
            return;
        }
        proof.open(context).ifPresent(exchange -> existingFactor(context, exchange)
                .ifPresent(existing -> context.challenge(proof.page(context, exchange, existing))));
    }

    @Override
    public void processAction(RequiredActionContext context) {
        if (!needsProof(context)) {
            keycloak.processAction(context);
            return;
        }
        Optional<OtpExchange> exchange = proof.open(context);
        Optional<Destination> existing = exchange.flatMap(opened -> existingFactor(context, opened));
        if (existing.isEmpty()) {
            return;
        }
        if (!HttpMethod.POST.equals(context.getHttpRequest().getHttpMethod())) {
            context.challenge(proof.page(context, exchange.get(), existing.get()));
        } else if (proof.proven(context, exchange.get(), existing.get(), context.getHttpRequest().getDecodedFormParameters())) {
            keycloak.requiredActionChallenge(context); // now Keycloak's confirmation; its post removes the phone
        }
    }

    private boolean needsProof(RequiredActionContext context) {
        AuthenticationSessionModel authSession = context.getAuthenticationSession();
        return PhoneCredentialModel.TYPE.equals(getCredentialType(context.getSession(), authSession))
                && !FactorProof.isMarked(authSession);
    }

    /** Where the proof code goes; empty, with the page already shown, when the user has nowhere a code can go. */
    private static Optional<Destination> existingFactor(RequiredActionContext context, OtpExchange exchange) {
        Optional<Destination> existing = UserFactors.preferred(context.getUser(), exchange.config());
        if (existing.isEmpty()) {
            context.challenge(context.form().setError("vigilOtpNoDestination").createErrorPage(Response.Status.FORBIDDEN));
        }
        return existing;
    }

    @Override
    public String getCredentialType(KeycloakSession session, AuthenticationSessionModel authSession) {
        return keycloak.getCredentialType(session, authSession);
    }
}
