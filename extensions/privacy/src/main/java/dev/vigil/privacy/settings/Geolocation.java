package dev.vigil.privacy.settings;

/** How precisely a realm may locate sign-ins. */
public enum Geolocation {
    CITY,
    COUNTRY,
    NONE
}
