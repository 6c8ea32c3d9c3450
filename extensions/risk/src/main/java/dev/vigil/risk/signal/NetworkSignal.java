package dev.vigil.risk.signal;

import java.net.InetAddress;
import java.util.Optional;

import dev.vigil.api.history.Feature;
import dev.vigil.risk.geoip.GeoIpProvider;
import dev.vigil.risk.model.network.IpAddresses;

/**
 * The network the login comes from: the address as Keycloak sees it, its /24 (IPv4) or /48 (IPv6) network,
 * its autonomous system (GeoLite2-ASN), whether it is an anonymizer (Anonymous-IP: VPN, Tor exit, public proxy,
 * hosting), and whether the admin trusts or denies it.
 */
final class NetworkSignal implements RiskSignal {

    private final GeoIpProvider geoIp;

    NetworkSignal(GeoIpProvider geoIp) {
        this.geoIp = geoIp;
    }

    @Override
    public void observe(LoginContext login, Evidence evidence) {
        Optional<InetAddress> client = login.clientAddress();
        if (client.isEmpty()) {
            return;
        }
        InetAddress address = client.get();
        // Lists and anonymizer flags are security rules the admin set, not collected data: they apply even
        // when the realm keeps no network data, and nothing of them is stored.
        NetworkLists lists = NetworkLists.of(login.config());
        if (lists.denied().contains(address)) {
            evidence.denyListed();
        }
        if (lists.trusted().contains(address)) {
            evidence.trustedNetwork();
        }
        geoIp.anonymizer(address).ifPresent(evidence::anonymizer);
        if (login.collects(Feature.IP)) {
            evidence.observe(Feature.IP, IpAddresses.canonical(address));
        }
        if (login.collects(Feature.NETWORK)) {
            evidence.observe(Feature.NETWORK, IpAddresses.networkOf(address));
        }
        if (login.collects(Feature.ASN)) {
            geoIp.networkOwner(address).ifPresent(owner -> evidence.observe(Feature.ASN, "AS" + owner.asn()));
        }
    }
}
