package dev.vigil.risk.calibration;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

import jakarta.ws.rs.ClientErrorException;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import dev.vigil.api.settings.InvalidSetting;
import dev.vigil.risk.calibration.store.CalibrationStore;
import dev.vigil.risk.calibration.store.StoredCalibration;
import dev.vigil.risk.flow.RiskConfig;
import dev.vigil.risk.flow.ThresholdChoice;
import org.keycloak.events.admin.OperationType;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.services.resources.admin.AdminEventBuilder;
import org.keycloak.services.resources.admin.fgap.AdminPermissionEvaluator;

/**
 * {@code /admin/realms/{realm}/vigil-risk/calibration}: GET shows the realm's threshold mode, its target in words and
 * the latest calibration with its expected rates, and which thresholds a login uses now (view-realm); POST recomputes it now with the risk step's target,
 * whatever the mode, so an admin can see the thresholds before switching to them (manage-realm, an admin event); a
 * 409 while the realm is being recomputed (another POST, the schedule).
 */
public class CalibrationAdminResource {

    static final String RESOURCE = "VIGIL_RISK_CALIBRATION";

    private final KeycloakSession session;
    private final RealmModel realm;
    private final AdminPermissionEvaluator auth;
    private final AdminEventBuilder adminEvent;
    private final Recalibration recalibration;

    CalibrationAdminResource(KeycloakSession session, RealmModel realm, AdminPermissionEvaluator auth,
                             AdminEventBuilder adminEvent, Recalibration recalibration) {
        this.session = session;
        this.realm = realm;
        this.auth = auth;
        this.adminEvent = adminEvent;
        this.recalibration = recalibration;
    }

    @GET
    @Path("calibration")
    @Produces(MediaType.APPLICATION_JSON)
    public Map<String, Object> current() {
        auth.realm().requireViewRealm();
        RiskConfig config = stepSettings();
        return view(config, CalibrationStore.of(session).latest(realm.getId()));
    }

    @POST
    @Path("calibration")
    @Produces(MediaType.APPLICATION_JSON)
    public Map<String, Object> recompute() {
        auth.realm().requireManageRealm();
        RiskConfig config = stepSettings();
        StoredCalibration result = recalibration.run(realm.getId(), config)
                .orElseThrow(() -> conflict("The realm's risk thresholds are being recomputed now; ask again when it is done"));
        adminEvent.operation(OperationType.ACTION).resource(RESOURCE).resourcePath(session.getContext().getUri())
                .success();
        return view(config, Optional.of(result));
    }

    private static Map<String, Object> view(RiskConfig config, Optional<StoredCalibration> latest) {
        Map<String, Object> view = new LinkedHashMap<>();
        view.put("thresholdMode", config.calibratedThresholds() ? "calibrated" : "fixed");
        // What a login would use now, as its event says: a result computed with other settings is stale.
        view.put("thresholdsInUse", ThresholdChoice.of(config, () -> latest).source());
        view.put("target", config.calibrationTarget().code());
        view.put("targetInWords", config.calibrationTarget().inWords());
        view.put("fixedMediumThreshold", config.policy().mediumThreshold());
        view.put("fixedHighThreshold", config.policy().highThreshold());
        view.put("minUsers", config.calibrationSample().minUsers());
        view.put("minLogins", config.calibrationSample().minLogins());
        view.put("maxUsers", config.calibrationSample().maxUsers());
        view.put("latest", latest.map(StoredCalibration::toJson).orElse(null));
        return view;
    }

    /** The risk step's settings; a realm without the step, or with settings out of range, is a 409 that says so. */
    private RiskConfig stepSettings() {
        try {
            return RealmRiskStep.settings(realm).orElseThrow(() -> conflict("The realm has no Vigil risk evaluation step"));
        } catch (InvalidSetting bad) {
            throw conflict("The Vigil risk evaluation step's settings are out of range: " + bad.getMessage());
        }
    }

    private static ClientErrorException conflict(String message) {
        return new ClientErrorException(Response.status(Response.Status.CONFLICT).type(MediaType.APPLICATION_JSON_TYPE)
                .entity(Map.of("error", message)).build());
    }
}
