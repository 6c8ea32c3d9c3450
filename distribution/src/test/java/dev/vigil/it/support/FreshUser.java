package dev.vigil.it.support;

import java.util.UUID;

/** A user created for one test, with a random name and password, so that tests never share state. */
public record FreshUser(String id, String username, String password) {

    /** The address {@link AdminApi#createUser} gives every user. */
    public String email() {
        return username + "@example.com";
    }

    public static FreshUser in(AdminApi admin, String realm, String prefix) {
        String username = prefix + "-" + UUID.randomUUID();
        String password = UUID.randomUUID().toString();
        return new FreshUser(admin.createUser(realm, username, password), username, password);
    }
}
