package dev.vigil.it.support;

import java.util.List;

import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * Gives tests the one Vigil server of this test run: started on first use, stopped when the whole run
 * ends (failed or not), through JUnit's root store.
 */
public class VigilServerExtension implements ParameterResolver {

    private static final ExtensionContext.Namespace NAMESPACE = ExtensionContext.Namespace.create(VigilServerExtension.class);

    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
        return parameter.getParameter().getType() == VigilServer.class;
    }

    @Override
    public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
        return server(context);
    }

    /** The run's server, for other extensions (a site started for a test class). */
    public static VigilServer server(ExtensionContext context) {
        return context.getRoot().getStore(NAMESPACE)
                .getOrComputeIfAbsent("server", key -> new RunningServer(forTheSuite(VigilServer.withTestGeoIp("vigil").start())),
                        RunningServer.class)
                .server();
    }

    /**
     * Two settings of the demo realm that only a test suite needs. Its logins appear to come from public test
     * addresses through a proxy that talks plain HTTP on loopback, so the realm accepts HTTP from any address
     * (production terminates TLS in front). And hundreds of one-time codes go out from one machine within
     * minutes, often to the same user within seconds, far beyond the cooldown and the per-destination,
     * per-user, per-session, per-address and per-realm sending limits meant for real traffic, which the OTP tests check in realms of
     * their own.
     */
    private static VigilServer forTheSuite(VigilServer server) {
        AdminApi admin = new AdminApi(server);
        String realm = "/realms/vigil-demo";
        ObjectNode settings = admin.get(realm).deepCopy();
        settings.put("sslRequired", "none");
        AdminApi.expect(204, admin.put(realm, settings));
        // Both code steps: they count against one realm-wide budget, each against its own setting of it.
        for (StepSettings otp : List.of(StepSettings.otp(admin, "vigil-demo"), StepSettings.resetOtp(admin, "vigil-demo"))) {
            otp.change(config -> config.put("resendCooldownSeconds", "0")
                    .put("maxSendsPerPhonePerHour", "1000").put("maxSendsPerIpPerHour", "100000")
                    .put("maxSendsPerRealmPerMinute", "100000")
                    .put("maxSendsPerUserPerHour", "1000").put("maxSendsPerSession", "100"));
        }
        return server;
    }

    /** Closes the server when JUnit closes the root store at the end of the run. */
    private record RunningServer(VigilServer server) implements ExtensionContext.Store.CloseableResource {
        @Override
        public void close() {
            server.close();
        }
    }
}
