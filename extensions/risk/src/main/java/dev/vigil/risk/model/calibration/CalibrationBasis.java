package dev.vigil.risk.model.calibration;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.RecordComponent;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Objects;

import dev.vigil.risk.model.ModelSettings;
import dev.vigil.risk.model.PolicySettings;

/**
 * What a calibration was computed for: the target, and a stamp of every setting it reads (the model, the rules and
 * fixed thresholds, the sample's bounds). A stored result serves only the basis it was computed for: once the admin
 * changes any of these, its thresholds are stale.
 *
 * @param target        the target's code ({@link CalibrationTarget#code()})
 * @param settingsStamp SHA-256 (hex) of the settings, the same on every node and JVM version: numbers enter by their
 *                      bits, never by their printed form
 */
public record CalibrationBasis(String target, String settingsStamp) {

    /** Why a result cannot serve: computed for another target. */
    public static final String TARGET_CHANGED = "target-changed";
    /** Why a result cannot serve: computed with other settings (or before results recorded theirs). */
    public static final String SETTINGS_CHANGED = "settings-changed";

    public static CalibrationBasis of(ModelSettings model, PolicySettings policy, CalibrationSettings sample,
                                      CalibrationTarget target) {
        MessageDigest digest = sha256();
        for (Object part : List.of(model, policy, sample, target)) {
            feed(digest, part);
        }
        return new CalibrationBasis(target.code(), HexFormat.of().formatHex(digest.digest()));
    }

    /** Why a result computed for {@code computedFor} cannot serve this basis; null when it can. */
    public String stalenessOf(CalibrationBasis computedFor) {
        if (!target.equals(computedFor.target())) {
            return TARGET_CHANGED;
        }
        return Objects.equals(settingsStamp, computedFor.settingsStamp()) ? null : SETTINGS_CHANGED;
    }

    /** Records by their class and components in order, lists element by element, numbers by their bits. */
    private static void feed(MessageDigest digest, Object value) {
        if (value instanceof Record record) {
            text(digest, record.getClass().getName());
            for (RecordComponent component : record.getClass().getRecordComponents()) {
                text(digest, component.getName());
                feed(digest, read(component, record));
            }
        } else if (value instanceof List<?> list) {
            text(digest, "[" + list.size());
            list.forEach(element -> feed(digest, element));
        } else if (value instanceof Double number) {
            text(digest, Long.toHexString(Double.doubleToLongBits(number)));
        } else if (value instanceof Enum<?> constant) {
            text(digest, constant.name());
        } else if (value instanceof String || value instanceof Integer || value instanceof Boolean) {
            text(digest, String.valueOf(value));
        } else {
            throw new IllegalArgumentException("not a settings value: " + value);
        }
    }

    private static Object read(RecordComponent component, Record record) {
        try {
            return component.getAccessor().invoke(record);
        } catch (IllegalAccessException | InvocationTargetException unreadable) {
            throw new IllegalStateException("settings record " + record.getClass().getName() + " unreadable", unreadable);
        }
    }

    /** Each piece length-prefixed, so that no two different sequences digest alike. */
    private static void text(MessageDigest digest, String text) {
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        digest.update((bytes.length + ":").getBytes(StandardCharsets.US_ASCII));
        digest.update(bytes);
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException impossible) {
            throw new IllegalStateException("every JVM has SHA-256", impossible);
        }
    }
}
