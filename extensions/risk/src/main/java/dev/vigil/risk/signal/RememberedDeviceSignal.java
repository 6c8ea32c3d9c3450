package dev.vigil.risk.signal;

/**
 * A genuine remembered-device cookie for this user, naming a device the user has not forgotten: the browser
 * completed a login here before, so the rules may lower the risk.
 */
final class RememberedDeviceSignal implements RiskSignal {

    @Override
    public void observe(LoginContext login, Evidence evidence) {
        new RememberedDevices(login.session(), login.realm()).rememberedFor(login.user(), login.now())
                .filter(deviceId -> login.store().knowsDevice(login.realm(), login.user(), deviceId))
                .ifPresent(deviceId -> evidence.rememberedDevice());
    }
}
