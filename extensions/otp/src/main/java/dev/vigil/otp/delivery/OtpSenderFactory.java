package dev.vigil.otp.delivery;

import org.keycloak.provider.ProviderFactory;

public interface OtpSenderFactory extends ProviderFactory<OtpSender> {
}
