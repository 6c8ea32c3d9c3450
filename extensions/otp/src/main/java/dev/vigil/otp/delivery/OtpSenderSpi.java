package dev.vigil.otp.delivery;

import org.keycloak.provider.Provider;
import org.keycloak.provider.ProviderFactory;
import org.keycloak.provider.Spi;

/** SPI "vigil-otp-sender": the delivery channels for one-time codes, chosen per realm by the OTP authenticator. */
public class OtpSenderSpi implements Spi {

    public static final String NAME = "vigil-otp-sender";

    @Override
    public boolean isInternal() {
        return false;
    }

    @Override
    public String getName() {
        return NAME;
    }

    @Override
    public Class<? extends Provider> getProviderClass() {
        return OtpSender.class;
    }

    @Override
    public Class<? extends ProviderFactory> getProviderFactoryClass() {
        return OtpSenderFactory.class;
    }
}
