package dev.vigil.risk.model.calibration;

import java.util.List;

import dev.vigil.api.history.SignIn;

/**
 * The request facts of a past sign-in that its stored features cannot give back, read from the reason codes
 * {@link dev.vigil.risk.model.RiskPolicy} recorded. A rule recorded only when it changed something (a cookie with
 * zero steps is not), so a missing code reads as the conservative "did not apply".
 */
record StoredRules(boolean rememberedDevice, boolean trustedNetwork, boolean vpn, boolean tor, boolean publicProxy,
                   boolean hosting, boolean impossibleTravel) {

    static final StoredRules NONE = new StoredRules(false, false, false, false, false, false, false);

    static StoredRules of(SignIn signIn) {
        List<String> codes = signIn.reasons();
        return new StoredRules(codes.contains("remembered-device"), codes.contains("trusted-network"),
                codes.contains("vpn"), codes.contains("tor"), codes.contains("public-proxy"), codes.contains("hosting"),
                codes.contains("impossible-travel"));
    }
}
