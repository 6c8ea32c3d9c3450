package dev.vigil.privacy.retention;

import java.util.LinkedHashMap;
import java.util.Map;

/** What one retention run deleted (and flagged) in one realm: counts only, never what the rows held. */
public record RetentionResult(String realmName, RetentionCutoffs cutoffs, int signIns, int devices, int flaggedInactive) {

    public boolean deletedAnything() {
        return signIns > 0 || devices > 0 || flaggedInactive > 0;
    }

    public Map<String, Object> toJson() {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("realm", realmName);
        json.put("signInsBefore", cutoffs.signIns().toString());
        json.put("devicesNotSeenSince", cutoffs.devices().toString());
        json.put("deletedSignIns", signIns);
        json.put("deletedDevices", devices);
        json.put("flaggedInactiveAccounts", flaggedInactive);
        return json;
    }
}
