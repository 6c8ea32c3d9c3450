package dev.vigil.risk.signal;

import java.util.List;
import java.util.stream.Collectors;

import dev.vigil.risk.flow.RiskConfig;
import dev.vigil.risk.model.network.CidrList;
import org.jboss.logging.Logger;

/**
 * The admin's trusted and denied networks. Entries are parsed one by one: a typo loses only that entry, with a
 * warning naming it, never the rest of a deny-list.
 */
record NetworkLists(CidrList trusted, CidrList denied) {

    private static final Logger LOG = Logger.getLogger(NetworkLists.class);

    static NetworkLists of(RiskConfig config) {
        return new NetworkLists(parse("trusted networks", config.trustedNetworks()),
                parse("denied networks", config.deniedNetworks()));
    }

    private static CidrList parse(String what, List<String> entries) {
        return CidrList.parse(entries.stream().filter(entry -> {
            try {
                CidrList.parse(entry);
                return true;
            } catch (IllegalArgumentException bad) {
                LOG.warnf("Vigil risk: ignoring an entry of the %s: %s", what, bad.getMessage());
                return false;
            }
        }).collect(Collectors.joining(",")));
    }
}
