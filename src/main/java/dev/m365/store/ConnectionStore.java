package dev.m365.store;

import java.util.function.UnaryOperator;

import dev.m365.connection.StoreData;

/**
 * Where connections live. Every backend gives the same guarantees: {@link #read()} sees a whole state (old or new,
 * never a mix); {@link #update} applies its change to the latest state under a cross-process lock, so parallel m365
 * processes never lose each other's updates; a failure leaves the stored state as it was.
 */
public interface ConnectionStore {

    /** The latest stored state; empty when nothing is stored yet. */
    StoreData read();

    /** Re-reads under the lock, applies {@code change}, persists the result and returns it. */
    StoreData update(UnaryOperator<StoreData> change);

    /**
     * Checks, without writing, that an update could succeed: the stored state is readable and the key valid. Login
     * calls it before signing in, so a store problem never costs the user a sign-in.
     */
    void preflight();

    /** Which backend this is and how it protects what it keeps, for {@code m365 cli doctor}. */
    StoreDescription describe();
}
