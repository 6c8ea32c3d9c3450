package dev.vigil.risk.flow;

import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;

import dev.vigil.api.history.Feature;
import dev.vigil.risk.geoip.AnonymizerFlags;
import dev.vigil.risk.history.NewSignInNotice;
import dev.vigil.risk.history.PendingSignIn;
import dev.vigil.risk.model.Assessment;
import dev.vigil.risk.model.CountingHistory;
import dev.vigil.risk.model.Facts;
import dev.vigil.risk.model.FreemanModel;
import dev.vigil.risk.model.Observation;
import dev.vigil.risk.model.RecognizedDevice;
import dev.vigil.risk.model.RiskLevel;
import dev.vigil.risk.model.RiskPolicy;
import dev.vigil.risk.model.Score;
import dev.vigil.risk.signal.Evidence;
import dev.vigil.risk.signal.LoginContext;
import dev.vigil.risk.signal.RiskSignal;

/**
 * Scores one login: every enabled signal adds its evidence, the feature values are put in the form the history
 * keeps them (keyed hashes), the model compares them with the user's history and the realm's counts, and the
 * policy's rules give the level and the reasons.
 */
final class RiskAssessor {

    private final LoginContext login;

    RiskAssessor(LoginContext login) {
        this.login = login;
    }

    Result assess() {
        Evidence evidence = new Evidence();
        for (RiskSignal signal : login.session().getAllProviders(RiskSignal.class)) {
            signal.observe(login, evidence);
        }
        Map<Feature, String> stored = storedForm(evidence);
        Observation observation = new Observation(stored);
        CountingHistory history = CountingHistory.of(login.history());
        Score score = new FreemanModel(login.config().model()).score(observation, history,
                new StoredPopulation(login.store().population(login.realm(), stored)));
        Facts facts = facts(evidence, history.logins(), RecognizedDevice.in(observation, login.history()));
        Assessment assessment = new RiskPolicy(login.config().policy()).assess(score, facts);
        return new Result(assessment, pending(evidence, stored, assessment));
    }

    private Map<Feature, String> storedForm(Evidence evidence) {
        // A fingerprint the browser did not send stays unknown, like any feature the model cannot see: the
        // device's other levels (user agent, browser, OS) are still compared.
        Map<Feature, String> stored = new EnumMap<>(Feature.class);
        evidence.observed().forEach((feature, value) -> stored.put(feature, login.store().stored(login.realm(), feature, value)));
        return stored;
    }

    private static Facts facts(Evidence evidence, int priorLogins, boolean recognizedDevice) {
        Optional<AnonymizerFlags> anonymizer = evidence.anonymizer();
        return Facts.builder(priorLogins)
                .denyListed(evidence.isDenyListed())
                .trustedNetwork(evidence.isTrustedNetwork())
                .anonymizer(anonymizer.map(AnonymizerFlags::vpn).orElse(false),
                        anonymizer.map(AnonymizerFlags::torExit).orElse(false),
                        anonymizer.map(AnonymizerFlags::publicProxy).orElse(false),
                        anonymizer.map(AnonymizerFlags::hosting).orElse(false))
                .travel(evidence.isImpossibleTravel(), evidence.travelSpeedKmh())
                .rememberedDevice(evidence.isRememberedDevice())
                .recognizedDevice(recognizedDevice)
                .hourFactor(evidence.hourFactor())
                .recentFailedLogins(evidence.recentUserFailures(), evidence.recentAddressFailures())
                .build();
    }

    private PendingSignIn pending(Evidence evidence, Map<Feature, String> stored, Assessment assessment) {
        return new PendingSignIn(evidence.observed(), evidence.place().orElse(null), evidence.deviceLabel().orElse(null),
                assessment.level().name(), assessment.score(), assessment.reasonCodes(), notice(stored, assessment));
    }

    /** What the user is told once the login succeeded; nothing on a first login, when everything is new. */
    private String notice(Map<Feature, String> stored, Assessment assessment) {
        RiskConfig config = login.config();
        if (assessment.level() == RiskLevel.HIGH && !config.reportOnly() && !config.denyHighRisk()) {
            return NewSignInNotice.HIGH_RISK;
        }
        if (login.history().isEmpty()) {
            return null;
        }
        if (config.notifyNewCountry() && Optional.ofNullable(stored.get(Feature.COUNTRY))
                .filter(country -> neverSeen(Feature.COUNTRY, country)).isPresent()) {
            return NewSignInNotice.NEW_COUNTRY;
        }
        return config.notifyNewDevice() && isNewDevice(stored) ? NewSignInNotice.NEW_DEVICE : null;
    }

    /** A device is known by its fingerprint, or failing that its user agent, as the history store keys devices. */
    private boolean isNewDevice(Map<Feature, String> stored) {
        String fingerprint = stored.get(Feature.FINGERPRINT);
        if (fingerprint != null) {
            return neverSeen(Feature.FINGERPRINT, fingerprint);
        }
        String agent = stored.get(Feature.USER_AGENT);
        return agent != null && neverSeen(Feature.USER_AGENT, agent);
    }

    private boolean neverSeen(Feature feature, String storedValue) {
        return login.history().stream().noneMatch(signIn -> storedValue.equals(signIn.features().get(feature)));
    }

    /** The assessment, and what to record if the login succeeds. */
    record Result(Assessment assessment, PendingSignIn pending) {
    }
}
