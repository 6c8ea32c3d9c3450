package dev.vigil.it.support;

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
        return context.getRoot().getStore(NAMESPACE)
                .getOrComputeIfAbsent("server", key -> new RunningServer(VigilServer.withTestGeoIp("vigil").start()),
                        RunningServer.class)
                .server();
    }

    /** Closes the server when JUnit closes the root store at the end of the run. */
    private record RunningServer(VigilServer server) implements ExtensionContext.Store.CloseableResource {
        @Override
        public void close() {
            server.close();
        }
    }
}
