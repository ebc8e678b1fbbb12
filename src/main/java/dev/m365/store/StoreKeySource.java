package dev.m365.store;

import java.util.Optional;

/** Where the store key comes from. */
public interface StoreKeySource {

    /** The key if it exists; never creates one (reads must not write). */
    Optional<StoreKey> existing();

    /** The key, created once when this source creates keys. Called under the store lock. */
    StoreKey obtain();

    /**
     * Checks a configured key before anything is signed in (a malformed M365_STORE_KEY, a missing key file). A
     * source that creates its key on first use has nothing to check.
     */
    default void check() {
        existing();
    }

    /** What protects the key, in words, for {@code m365 cli doctor}. */
    String description();
}
