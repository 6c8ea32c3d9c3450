package dev.vigil.risk.calibration;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.text.MessageFormat;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;
import java.util.stream.Collectors;

import dev.vigil.api.settings.InvalidSetting;
import dev.vigil.risk.calibration.store.CalibrationStore;
import dev.vigil.risk.calibration.store.StoredCalibration;
import dev.vigil.risk.flow.RiskConfig;
import jakarta.persistence.EntityManager;
import jakarta.persistence.FlushModeType;
import org.keycloak.common.util.MultivaluedHashMap;
import org.keycloak.component.ComponentModel;
import org.keycloak.connections.jpa.JpaConnectionProvider;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.models.jpa.entities.ComponentConfigEntity;
import org.keycloak.models.jpa.entities.ComponentEntity;
import org.keycloak.services.ui.extend.UiTabProvider;
import org.keycloak.theme.Theme;

/**
 * The realm's "Vigil risk thresholds" tab as stored: a Keycloak component whose config is only a view, always
 * rewritten whole from {@code VIGIL_RISK_CALIBRATION} and the risk step's current settings, and read by nobody but the
 * admin console (the risk step reads the table). Its words are in the realm's default language.
 */
final class ThresholdsTab {

    static final String PROVIDER_TYPE = UiTabProvider.class.getName();
    /** Set on the session while Vigil writes the view itself, so that the tab's save hooks let it through. */
    private static final String WRITING = ThresholdsTab.class.getName() + ".writing";

    private ThresholdsTab() {
    }

    /** After a calibration is stored, in its transaction: the tab shows it, created if absent. */
    static void show(KeycloakSession session, RealmModel realm, StoredCalibration stored) {
        ComponentModel tab = find(realm).orElseGet(() -> newTab(realm));
        write(session, realm, tab, view(session, realm, Optional.of(stored)));
    }

    /** A realm just created or imported: its tab says which thresholds it uses before any calibration, and why. */
    static void create(KeycloakSession session, RealmModel realm) {
        if (find(realm).isEmpty()) {
            write(session, realm, newTab(realm), view(session, realm, CalibrationStore.of(session).latest(realm.getId())));
        }
    }

    /** After the risk step's settings may have changed: a realm's existing tab says what they make of the table. */
    static void refresh(KeycloakSession session, RealmModel realm) {
        find(realm).ifPresent(tab -> write(session, realm, tab,
                view(session, realm, CalibrationStore.of(session).latest(realm.getId()))));
    }

    /**
     * Whether the tab's rows this transaction has read are still the stored ones, asked once it holds the realm's
     * claim. Its request may have read them (loading the realm) before it could claim the realm, and another save may
     * have replaced them since: Keycloak's rewrite of the tab deletes the rows it read, and deleting rows already gone
     * fails the whole transaction at commit.
     */
    static boolean readRowsCurrent(KeycloakSession session, String tabId) {
        EntityManager em = session.getProvider(JpaConnectionProvider.class).getEntityManager();
        ComponentEntity read = tabId == null ? null : em.find(ComponentEntity.class, tabId);
        if (read == null) {
            return true;
        }
        Set<String> held = read.getComponentConfigs().stream().map(ComponentConfigEntity::getId).collect(Collectors.toSet());
        List<String> stored = em.createQuery("select c.id from ComponentConfigEntity c where c.component.id = :tab", String.class)
                .setParameter("tab", tabId)
                .setFlushMode(FlushModeType.COMMIT)
                .getResultList();
        return held.equals(new HashSet<>(stored));
    }

    /** Rewrites {@code tab} with {@code view}, letting the tab's own save hooks know it is Vigil's write. */
    static void write(KeycloakSession session, RealmModel realm, ComponentModel tab, MultivaluedHashMap<String, String> view) {
        tab.setConfig(view);
        session.setAttribute(WRITING, Boolean.TRUE);
        try {
            if (tab.getId() == null) {
                realm.addComponentModel(tab);
            } else {
                realm.updateComponent(tab);
            }
        } finally {
            session.removeAttribute(WRITING);
        }
    }

    /** Whether this save of the tab is Vigil's own rewrite rather than an admin's. */
    static boolean writing(KeycloakSession session) {
        return session.getAttribute(WRITING) != null;
    }

    /** The view of {@code latest} through the realm's risk step's current settings. */
    static MultivaluedHashMap<String, String> view(KeycloakSession session, RealmModel realm,
                                                   Optional<StoredCalibration> latest) {
        ThresholdsTabView.Texts texts = texts(session, realm);
        Map<String, String> view;
        try {
            Optional<RiskConfig> settings = RealmRiskStep.settings(realm);
            view = settings.isPresent() ? ThresholdsTabView.of(settings.get(), latest, texts)
                    : ThresholdsTabView.unavailable("vigilRiskTabStatusNoStep", texts);
        } catch (InvalidSetting bad) {
            view = ThresholdsTabView.unavailable("vigilRiskTabStatusBadSettings", texts, bad.getMessage());
        }
        MultivaluedHashMap<String, String> config = new MultivaluedHashMap<>();
        view.forEach(config::putSingle);
        return config;
    }

    /** Whether the realm has a tab other than {@code tab} (which may be one not yet stored). */
    static boolean existsOtherThan(RealmModel realm, ComponentModel tab) {
        return find(realm).filter(existing -> !existing.getId().equals(tab.getId())).isPresent();
    }

    private static Optional<ComponentModel> find(RealmModel realm) {
        return realm.getComponentsStream(realm.getId(), PROVIDER_TYPE)
                .filter(component -> ThresholdsTabFactory.ID.equals(component.getProviderId()))
                .findFirst()
                .map(ComponentModel::new); // the realm cache's copy is shared: never changed in place
    }

    private static ComponentModel newTab(RealmModel realm) {
        ComponentModel tab = new ComponentModel();
        tab.setName(ThresholdsTabFactory.ID);
        tab.setProviderId(ThresholdsTabFactory.ID);
        tab.setProviderType(PROVIDER_TYPE);
        tab.setParentId(realm.getId());
        return tab;
    }

    private static ThresholdsTabView.Texts texts(KeycloakSession session, RealmModel realm) {
        Locale locale = realm.isInternationalizationEnabled() && realm.getDefaultLocale() != null
                ? Locale.forLanguageTag(realm.getDefaultLocale()) : Locale.ENGLISH;
        Properties messages;
        // The admin theme is the one of the context's realm, which a realm's creation at boot or import has not set.
        RealmModel context = session.getContext().getRealm();
        session.getContext().setRealm(realm);
        try {
            messages = session.theme().getTheme(Theme.Type.ADMIN).getEnhancedMessages(realm, locale);
        } catch (IOException unreadable) {
            throw new UncheckedIOException("admin theme messages unreadable", unreadable);
        } finally {
            session.getContext().setRealm(context);
        }
        return (key, arguments) -> new MessageFormat(messages.getProperty(key, key), locale).format(arguments);
    }
}
