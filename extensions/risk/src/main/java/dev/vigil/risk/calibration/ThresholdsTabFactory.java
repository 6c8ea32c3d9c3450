package dev.vigil.risk.calibration;

import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import dev.vigil.api.settings.InvalidSetting;
import dev.vigil.risk.calibration.store.CalibrationStore;
import dev.vigil.risk.calibration.store.StoredCalibration;
import dev.vigil.risk.flow.RiskConfig;
import org.keycloak.Config;
import org.keycloak.component.ComponentModel;
import org.keycloak.component.ComponentValidationException;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.KeycloakSessionFactory;
import org.keycloak.models.RealmModel;
import org.keycloak.provider.ProviderConfigProperty;
import org.keycloak.provider.ProviderConfigurationBuilder;
import org.keycloak.services.ui.extend.UiTabProviderFactory;

/**
 * "Vigil risk thresholds", a tab of the admin console's realm settings (Keycloak's declarative UI): the realm's
 * calibrated thresholds, expected rates and sample, or why the fixed thresholds stay ({@link ThresholdsTab}). Saving
 * the tab recomputes now with the risk step's settings (the components API already asks for manage-realm); what the
 * form sends is never stored, the view of the table replaces it. A save while the realm is being recomputed elsewhere
 * is refused with a message the console shows.
 */
public class ThresholdsTabFactory implements UiTabProviderFactory<ComponentModel> {

    public static final String ID = "vigil-risk-thresholds";

    private static final List<ProviderConfigProperty> SHOWN = shown();

    private final Clock clock = Clock.systemUTC();
    private Recalibration recalibration;

    @Override
    public void postInit(KeycloakSessionFactory factory) {
        recalibration = new Recalibration(factory, clock);
    }

    /**
     * An admin's values are replaced by the view of the table: only Vigil writes what the tab shows. A realm has one
     * tab: a second is refused (the console updates the existing one). A save while the realm is being recomputed, or
     * that read the tab before another save replaced it, is refused.
     */
    @Override
    public void validateConfiguration(KeycloakSession session, RealmModel realm, ComponentModel model) {
        if (!ThresholdsTab.writing(session)) {
            if (ThresholdsTab.existsOtherThan(realm, model)) {
                throw new ComponentValidationException("vigilRiskThresholdsTabExists");
            }
            // Held from before Keycloak rewrites the tab's rows until this save commits: no other writer meanwhile.
            if (!recalibration.claimUntilEnd(session, realm.getId()) || !ThresholdsTab.readRowsCurrent(session, model.getId())) {
                throw busy();
            }
            model.setName(ID);
            model.setConfig(ThresholdsTab.view(session, realm, CalibrationStore.of(session).latest(realm.getId())));
        }
    }

    @Override
    public void onCreate(KeycloakSession session, RealmModel realm, ComponentModel model) {
        recomputeOnSave(session, realm, model);
    }

    @Override
    public void onUpdate(KeycloakSession session, RealmModel realm, ComponentModel oldModel, ComponentModel newModel) {
        recomputeOnSave(session, realm, newModel);
    }

    /**
     * The admin's save: a recomputation now, whose result this transaction shows (it holds the tab's rows, so the
     * recomputation's own transactions leave the tab alone).
     */
    private void recomputeOnSave(KeycloakSession session, RealmModel realm, ComponentModel tab) {
        if (ThresholdsTab.writing(session)) {
            return;
        }
        StoredCalibration stored = recalibration.runLeavingTab(session, realm.getId(), stepSettings(realm))
                .orElseThrow(ThresholdsTabFactory::busy);
        ThresholdsTab.write(session, realm, tab, ThresholdsTab.view(session, realm, Optional.of(stored)));
    }

    private static ComponentValidationException busy() {
        return new ComponentValidationException("vigilRiskThresholdsBusy");
    }

    private static RiskConfig stepSettings(RealmModel realm) {
        try {
            return RealmRiskStep.settings(realm).orElseThrow(() -> new ComponentValidationException("vigilRiskThresholdsNoStep"));
        } catch (InvalidSetting bad) {
            throw new ComponentValidationException("vigilRiskThresholdsBadSettings", bad.getMessage());
        }
    }

    @Override
    public String getPath() {
        return "/:realm/realm-settings/:tab?";
    }

    @Override
    public Map<String, String> getParams() {
        return Map.of("tab", ID);
    }

    @Override
    public String getHelpText() {
        return "vigilRiskTabHelp";
    }

    @Override
    public List<ProviderConfigProperty> getConfigProperties() {
        return SHOWN;
    }

    /** Read-only text fields, labels and help texts as message keys of the admin theme (theme-resources/messages). */
    private static List<ProviderConfigProperty> shown() {
        ProviderConfigurationBuilder builder = ProviderConfigurationBuilder.create();
        for (String name : ThresholdsTabView.SHOWN) {
            String key = "vigilRiskTab" + Character.toUpperCase(name.charAt(0)) + name.substring(1);
            builder.property().name(name).label(key).helpText(key + "Help").type(ProviderConfigProperty.STRING_TYPE).add();
        }
        List<ProviderConfigProperty> properties = builder.build();
        properties.forEach(property -> property.setReadOnly(true));
        return List.copyOf(properties);
    }

    @Override
    public void init(Config.Scope config) {
    }

    @Override
    public void close() {
    }

    @Override
    public String getId() {
        return ID;
    }
}
