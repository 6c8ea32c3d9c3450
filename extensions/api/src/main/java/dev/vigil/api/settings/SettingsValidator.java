package dev.vigil.api.settings;

import java.util.Map;

/**
 * Implemented by the factory of a configurable Vigil step: checks a config the admin is about to save, with the
 * same typed reader the step uses at sign-in time, so what is saved can be read.
 */
public interface SettingsValidator {

    /** @throws InvalidSetting naming the first field out of its range */
    void validateSettings(Map<String, String> config);
}
