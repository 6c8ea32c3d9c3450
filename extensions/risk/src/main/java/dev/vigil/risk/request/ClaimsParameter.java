package dev.vigil.risk.request;

import java.util.List;
import java.util.Optional;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The OIDC {@code claims} request parameter (OIDC Core 5.5) as far as Vigil's step-up reads it: a JSON object whose
 * {@code id_token} and {@code userinfo} members are objects, and whose {@code acr} request, if any, has a boolean
 * {@code essential}, a string {@code value} and an array of strings {@code values}. Anything else is a malformed
 * request that the authorization endpoint refuses with {@code invalid_request}, rather than ignore (a JSON
 * syntax error) or fail on (a value that is not a string makes Keycloak's level-of-authentication code throw).
 */
public final class ClaimsParameter {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final List<String> TARGETS = List.of("id_token", "userinfo");

    private ClaimsParameter() {
    }

    /** What is wrong with {@code claims}, for the error description; empty when absent or well-formed. */
    public static Optional<String> problemWith(String claims) {
        if (claims == null || claims.isBlank()) {
            return Optional.empty();
        }
        JsonNode root;
        try {
            root = JSON.readTree(claims);
        } catch (JsonProcessingException e) {
            return Optional.of("claims is not JSON");
        }
        if (root == null || !root.isObject()) {
            return Optional.of("claims must be a JSON object");
        }
        for (String target : TARGETS) {
            JsonNode requested = root.get(target);
            if (requested == null || requested.isNull()) {
                continue;
            }
            if (!requested.isObject()) {
                return Optional.of("claims." + target + " must be a JSON object");
            }
            Optional<String> acrProblem = acrProblem(requested.get("acr"));
            if (acrProblem.isPresent()) {
                return acrProblem.map(problem -> "claims." + target + ".acr " + problem);
            }
        }
        return Optional.empty();
    }

    private static Optional<String> acrProblem(JsonNode acr) {
        if (acr == null || acr.isNull()) {
            return Optional.empty();
        }
        if (!acr.isObject()) {
            return Optional.of("must be null or a JSON object");
        }
        JsonNode essential = acr.get("essential");
        if (essential != null && !essential.isBoolean()) {
            return Optional.of("essential must be true or false");
        }
        JsonNode value = acr.get("value");
        if (value != null && !value.isTextual()) {
            return Optional.of("value must be a string");
        }
        JsonNode values = acr.get("values");
        if (values != null && !(values.isArray() && allTextual(values))) {
            return Optional.of("values must be an array of strings");
        }
        return Optional.empty();
    }

    private static boolean allTextual(JsonNode array) {
        for (JsonNode element : array) {
            if (!element.isTextual()) {
                return false;
            }
        }
        return true;
    }
}
