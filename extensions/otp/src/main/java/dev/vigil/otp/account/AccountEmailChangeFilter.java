package dev.vigil.otp.account;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;

import jakarta.ws.rs.HttpMethod;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.ext.Provider;

import com.fasterxml.jackson.databind.JsonNode;
import dev.vigil.otp.flow.EmailChange;
import dev.vigil.otp.flow.OtpEvents;
import org.keycloak.events.EventType;
import org.keycloak.models.UserModel;
import org.keycloak.util.JsonSerialization;

/**
 * Refuses a change of the e-mail address through the account REST API ({@code POST /realms/{realm}/account}), in the
 * {@code email} field or as an {@code email} attribute: a verified address receives sign-in codes, and a REST call
 * carries no sign-in step where a code could be asked. Keycloak makes the address read-only there while its "Update
 * email" action is enabled; a realm that disables it would let any token with
 * {@code manage-account} change it. The address changes through {@code kc_action=UPDATE_EMAIL} or the profile page,
 * which ask for the code. The rest of the profile is saved as Keycloak does.
 */
@Provider
public class AccountEmailChangeFilter implements ContainerRequestFilter {

    static final String MESSAGE = "vigilEmailChangeNeedsCode";

    @Override
    public void filter(ContainerRequestContext request) throws IOException {
        Matcher profile = AccountPaths.match(AccountPaths.PROFILE, request);
        if (!HttpMethod.POST.equals(request.getMethod()) || !profile.find()) {
            return;
        }
        byte[] body = request.getEntityStream().readAllBytes();
        request.setEntityStream(new ByteArrayInputStream(body));
        List<String> proposed = proposedEmails(body);
        if (proposed.isEmpty()) {
            return;
        }
        AccountRequest account = AccountRequest.of(profile.group(1))
                .filter(caller -> changes(caller.user(), proposed)).orElse(null);
        if (account != null) {
            OtpEvents.emailChangeRefused(account.event(EventType.UPDATE_PROFILE), account.user(), "vigil_fresh_code_required");
            account.refuse(request, "an e-mail change", MESSAGE);
        }
    }

    private static boolean changes(UserModel user, List<String> proposed) {
        return proposed.stream().anyMatch(email -> EmailChange.changes(user.getEmail(), email));
    }

    /** The addresses a body proposes: its {@code email} field and {@code email} attribute (a JSON null as blank). */
    static List<String> proposedEmails(byte[] body) {
        JsonNode account;
        try {
            account = JsonSerialization.mapper.readTree(body);
        } catch (IOException unreadable) {
            return List.of(); // Keycloak answers a malformed body itself
        }
        List<String> proposed = new ArrayList<>();
        if (account == null || !account.isObject()) {
            return proposed;
        }
        if (account.has(UserModel.EMAIL)) {
            proposed.add(account.get(UserModel.EMAIL).asText(""));
        }
        JsonNode attribute = account.path("attributes").path(UserModel.EMAIL);
        if (attribute.isArray()) {
            attribute.forEach(value -> proposed.add(value.asText("")));
        } else if (!attribute.isMissingNode()) {
            proposed.add(attribute.asText(""));
        }
        return proposed;
    }
}
