package dev.vigil.risk.signal;

import dev.vigil.risk.flow.RiskConfig;
import dev.vigil.risk.model.network.CidrList;

/** The admin's trusted and denied networks (each entry checked when the settings were read). */
record NetworkLists(CidrList trusted, CidrList denied) {

    static NetworkLists of(RiskConfig config) {
        return new NetworkLists(CidrList.parse(String.join(",", config.trustedNetworks())),
                CidrList.parse(String.join(",", config.deniedNetworks())));
    }
}
