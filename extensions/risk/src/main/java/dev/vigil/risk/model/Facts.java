package dev.vigil.risk.model;

/**
 * What the rules need to know about a login beyond the model's features, worked out from the request.
 *
 * @param denyListed             the client's address is in an admin deny-list
 * @param trustedNetwork         the client's address is in an admin allow-list (trusted network, e.g. an office)
 * @param vpn                    the address is a known VPN exit
 * @param tor                    the address is a Tor exit
 * @param publicProxy            the address is a public proxy
 * @param hosting                the address belongs to a hosting or cloud provider
 * @param impossibleTravel       the place is too far from the last successful login's for the time between them
 * @param travelSpeedKmh         the speed that travel would need, or NaN when unknown
 * @param rememberedDevice       the browser showed a valid remembered-device cookie of this user
 * @param recognizedDevice       the device's fingerprint, OS and type were seen on this network in an earlier
 *                               successful sign-in of the user ({@link RecognizedDevice})
 * @param priorLogins            the user's successful logins in the history the model learnt from
 * @param hourFactor             {@link UsualHours#factor} of this login: above 1 unusual for the user, 1 neutral
 * @param recentFailedLoginsUser the user's recent failed logins
 * @param recentFailedLoginsIp   recent failed logins from the client's address, any user
 */
public record Facts(boolean denyListed, boolean trustedNetwork, boolean vpn, boolean tor, boolean publicProxy,
                    boolean hosting, boolean impossibleTravel, double travelSpeedKmh, boolean rememberedDevice,
                    boolean recognizedDevice, int priorLogins, double hourFactor, int recentFailedLoginsUser, int recentFailedLoginsIp) {

    public Facts {
        if (!(hourFactor > 0) || Double.isInfinite(hourFactor)) {
            throw new IllegalArgumentException("hour factor must be a finite number > 0, not " + hourFactor);
        }
    }

    /** Facts with nothing notable, for a user with this many prior logins; change them with the builder. */
    public static Builder builder(int priorLogins) {
        return new Builder(priorLogins);
    }

    /** Builds {@link Facts}; everything off or neutral unless set. */
    public static final class Builder {
        private boolean denyListed;
        private boolean trustedNetwork;
        private boolean vpn;
        private boolean tor;
        private boolean publicProxy;
        private boolean hosting;
        private boolean impossibleTravel;
        private double travelSpeedKmh = Double.NaN;
        private boolean rememberedDevice;
        private boolean recognizedDevice;
        private final int priorLogins;
        private double hourFactor = 1;
        private int recentFailedLoginsUser;
        private int recentFailedLoginsIp;

        private Builder(int priorLogins) {
            this.priorLogins = priorLogins;
        }

        public Builder denyListed(boolean value) {
            denyListed = value;
            return this;
        }

        public Builder trustedNetwork(boolean value) {
            trustedNetwork = value;
            return this;
        }

        public Builder anonymizer(boolean vpn, boolean tor, boolean publicProxy, boolean hosting) {
            this.vpn = vpn;
            this.tor = tor;
            this.publicProxy = publicProxy;
            this.hosting = hosting;
            return this;
        }

        public Builder travel(boolean impossible, double speedKmh) {
            impossibleTravel = impossible;
            travelSpeedKmh = speedKmh;
            return this;
        }

        public Builder rememberedDevice(boolean value) {
            rememberedDevice = value;
            return this;
        }

        public Builder recognizedDevice(boolean value) {
            recognizedDevice = value;
            return this;
        }

        public Builder hourFactor(double value) {
            hourFactor = value;
            return this;
        }

        public Builder recentFailedLogins(int forUser, int fromIp) {
            recentFailedLoginsUser = forUser;
            recentFailedLoginsIp = fromIp;
            return this;
        }

        public Facts build() {
            return new Facts(denyListed, trustedNetwork, vpn, tor, publicProxy, hosting, impossibleTravel,
                    travelSpeedKmh, rememberedDevice, recognizedDevice, priorLogins, hourFactor, recentFailedLoginsUser,
                    recentFailedLoginsIp);
        }
    }
}
