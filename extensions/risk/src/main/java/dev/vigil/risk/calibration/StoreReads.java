package dev.vigil.risk.calibration;

import java.util.function.BiFunction;

import dev.vigil.api.history.SignInHistoryProvider;
import org.keycloak.models.RealmModel;

/**
 * Reads of one realm's history store, each in a short transaction of its own, so that what the database layer keeps
 * of a page is released before the next: a calibration's memory is its sample, never the pages it read.
 */
public interface StoreReads {

    <T> T read(BiFunction<SignInHistoryProvider, RealmModel, T> reading);
}
