package dev.vigil.api.settings;

import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

import org.keycloak.models.AuthenticatorConfigModel;

/**
 * A step's typed settings, parsed once per saved version of its configuration rather than at every request. Kept
 * under the configuration's id and its whole content, so a saved change is a new entry and no request, on any node,
 * can read a value that no longer matches what is stored; the values are immutable records, and at most
 * {@value #MAX_VERSIONS} are kept (all dropped when full: a server holds a handful of step configurations). A
 * configuration with a value out of range is never kept: it throws its {@link InvalidSetting} at every read.
 *
 * @param <T> the immutable settings type
 */
public final class ParsedSettings<T> {

    static final int MAX_VERSIONS = 256;

    private final Function<Map<String, String>, T> parse;
    private final Map<Version, T> parsed = new ConcurrentHashMap<>();

    /** @param parse the settings type's reader, which throws {@link InvalidSetting} on a value out of range */
    public ParsedSettings(Function<Map<String, String>, T> parse) {
        this.parse = parse;
    }

    /** @throws InvalidSetting naming the first setting out of its range */
    public T of(AuthenticatorConfigModel model) {
        Map<String, String> content = model == null || model.getConfig() == null ? Map.of() : model.getConfig();
        T known = parsed.get(new Version(model == null ? null : model.getId(), content));
        if (known != null) {
            return known;
        }
        T fresh = parse.apply(content);
        if (parsed.size() >= MAX_VERSIONS) {
            parsed.clear();
        }
        // A copy: the model's own map belongs to Keycloak and may be changed in place by an admin's save.
        parsed.put(new Version(model == null ? null : model.getId(), new HashMap<>(content)), fresh);
        return fresh;
    }

    /** One saved version of one configuration. */
    private record Version(String configId, Map<String, String> content) {
    }
}
