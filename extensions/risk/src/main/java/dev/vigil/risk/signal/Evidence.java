package dev.vigil.risk.signal;

import java.util.Collections;
import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;

import dev.vigil.api.history.Feature;
import dev.vigil.api.history.Place;
import dev.vigil.risk.geoip.AnonymizerFlags;

/**
 * What the signals found out about one login, gathered for the model and the rules. Feature values are raw
 * here (an address, a user agent); they are pseudonymized by the history store before any comparison or storage.
 */
public final class Evidence {

    private final Map<Feature, String> observed = new EnumMap<>(Feature.class);
    private Place place;
    private String deviceLabel;
    private AnonymizerFlags anonymizer;
    private boolean denyListed;
    private boolean trustedNetwork;
    private boolean rememberedDevice;
    private boolean malformedFingerprint;
    private boolean impossibleTravel;
    private double travelSpeedKmh = Double.NaN;
    private double hourFactor = 1;
    private int recentUserFailures;
    private int recentAddressFailures;

    /** Records a value, cut to the feature's bound: what a request sends can never overflow a column. */
    public void observe(Feature feature, String rawValue) {
        if (rawValue != null && !rawValue.isBlank()) {
            observed.put(feature, feature.bounded(rawValue.strip()));
        }
    }

    public Map<Feature, String> observed() {
        return Collections.unmodifiableMap(observed);
    }

    public Optional<String> observed(Feature feature) {
        return Optional.ofNullable(observed.get(feature));
    }

    public void place(Place place) {
        this.place = place;
    }

    public Optional<Place> place() {
        return Optional.ofNullable(place);
    }

    public void deviceLabel(String deviceLabel) {
        this.deviceLabel = Place.boundedLabel(deviceLabel);
    }

    public Optional<String> deviceLabel() {
        return Optional.ofNullable(deviceLabel);
    }

    public void anonymizer(AnonymizerFlags anonymizer) {
        this.anonymizer = anonymizer;
    }

    public Optional<AnonymizerFlags> anonymizer() {
        return Optional.ofNullable(anonymizer);
    }

    public void denyListed() {
        this.denyListed = true;
    }

    public boolean isDenyListed() {
        return denyListed;
    }

    public void trustedNetwork() {
        this.trustedNetwork = true;
    }

    public boolean isTrustedNetwork() {
        return trustedNetwork;
    }

    public void rememberedDevice() {
        this.rememberedDevice = true;
    }

    public boolean isRememberedDevice() {
        return rememberedDevice;
    }

    public void malformedFingerprint() {
        this.malformedFingerprint = true;
    }

    public boolean isMalformedFingerprint() {
        return malformedFingerprint;
    }

    /** The travel from the last sign-in's place, when both places are known. */
    public void travel(boolean impossible, double speedKmh) {
        this.impossibleTravel = impossible;
        this.travelSpeedKmh = speedKmh;
    }

    public boolean isImpossibleTravel() {
        return impossibleTravel;
    }

    /** NaN when unknown. */
    public double travelSpeedKmh() {
        return travelSpeedKmh;
    }

    /** How unusual the hour is for the user: above 1 unusual, 1 neutral. */
    public void hourFactor(double factor) {
        this.hourFactor = factor;
    }

    public double hourFactor() {
        return hourFactor;
    }

    public void recentFailures(int forUser, int fromAddress) {
        this.recentUserFailures = forUser;
        this.recentAddressFailures = fromAddress;
    }

    public int recentUserFailures() {
        return recentUserFailures;
    }

    public int recentAddressFailures() {
        return recentAddressFailures;
    }
}
