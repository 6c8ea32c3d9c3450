package dev.vigil.it.support;

/** Finds loopback ports nobody listens on, so test servers never collide with 8080 or with each other. */
public final class FreePorts {

    private FreePorts() {
    }

    public static int next() {
        return dev.vigil.local.FreePorts.next();
    }
}
