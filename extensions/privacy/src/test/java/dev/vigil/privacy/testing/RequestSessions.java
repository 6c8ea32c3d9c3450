package dev.vigil.privacy.testing;

import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.Mockito.doAnswer;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import java.util.HashMap;
import java.util.Map;

import jakarta.persistence.EntityManager;

import org.keycloak.connections.jpa.JpaConnectionProvider;
import org.keycloak.models.KeycloakSession;

/** Keycloak sessions as one request sees them: attributes that live as long as the session, and its database. */
public final class RequestSessions {

    private RequestSessions() {
    }

    /** A session whose attributes behave as Keycloak's do, over this entity manager. */
    public static KeycloakSession over(EntityManager em) {
        KeycloakSession session = mock(KeycloakSession.class);
        Map<String, Object> attributes = new HashMap<>();
        doAnswer(call -> attributes.put(call.getArgument(0), call.getArgument(1))).when(session).setAttribute(anyString(), any());
        when(session.getAttribute(anyString())).thenAnswer(call -> attributes.get(call.getArgument(0, String.class)));
        when(session.getAttribute(anyString(), any())).thenAnswer(call -> {
            Object value = attributes.get(call.getArgument(0, String.class));
            return call.getArgument(1, Class.class).isInstance(value) ? value : null;
        });
        when(session.removeAttribute(anyString())).thenAnswer(call -> attributes.remove(call.getArgument(0, String.class)));
        JpaConnectionProvider jpa = mock(JpaConnectionProvider.class);
        when(jpa.getEntityManager()).thenReturn(em);
        when(session.getProvider(JpaConnectionProvider.class)).thenReturn(jpa);
        return session;
    }
}
