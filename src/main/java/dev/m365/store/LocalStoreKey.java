package dev.m365.store;

import java.util.Optional;
import java.util.function.Consumer;

import dev.m365.error.StoreException;

/**
 * The store key on a machine where no key is configured: in the OS password store when one answers, otherwise in a
 * key file beside the store protected by file permissions only, with a one-time warning saying so and how to do
 * better. An existing key file always wins (a store written with it stays readable).
 */
public final class LocalStoreKey implements StoreKeySource {

    public enum Keyring {
        AUTO,
        REQUIRED,
        OFF
    }

    private final StoreKeyFile file;
    private final KeyringStoreKey keyring;
    private final Keyring mode;
    private final Consumer<String> warn;
    private String protection;

    public LocalStoreKey(StoreKeyFile file, KeyringStoreKey keyring, Keyring mode, Consumer<String> warn) {
        this.file = file;
        this.keyring = keyring;
        this.mode = mode;
        this.warn = warn;
    }

    @Override
    public Optional<StoreKey> existing() {
        if (mode != Keyring.REQUIRED && file.exists()) {
            protection = file.description();
            return file.existing();
        }
        if (mode == Keyring.OFF) {
            return Optional.empty();
        }
        try {
            Optional<StoreKey> key = keyring.read();
            key.ifPresent(k -> protection = keyringDescription());
            return key;
        } catch (KeyringStoreKey.Unavailable e) {
            throw new StoreException("Cannot read the store key: " + e.getMessage() + ". The store was left untouched; "
                    + "unlock the keyring, or set M365_STORE_KEY" + (mode == Keyring.REQUIRED ? "." : " or m365.store.keyring=off."));
        }
    }

    @Override
    public void check() {
        // Nothing configured to check: the key is found or created when the store is first read or written.
    }

    @Override
    public StoreKey obtain() {
        Optional<StoreKey> key = existingOrNone();
        if (key.isPresent()) {
            return key.get();
        }
        StoreKey created = StoreKeyFile.randomKey();
        if (mode != Keyring.OFF) {
            try {
                keyring.write(created);
                protection = keyringDescription();
                return created;
            } catch (KeyringStoreKey.Unavailable e) {
                if (mode == Keyring.REQUIRED) {
                    throw new StoreException("Cannot keep the store key in the OS password store: " + e.getMessage()
                            + ". Unlock it, or set m365.store.keyring=auto to fall back to a key file.");
                }
                warn.accept("m365: " + e.getMessage() + ", so the store key is kept in " + file.path()
                        + ", protected by file permissions only (mode 0600). To do better, run where a keyring answers "
                        + "(GNOME Keyring, KWallet, Keychain, Credential Manager) or give the key with M365_STORE_KEY "
                        + "from a secret manager.");
            }
        }
        StoreKey written = file.write(created);
        protection = file.description();
        return written;
    }

    /** The existing key, or none when the keyring answers that it has none (a new store). */
    private Optional<StoreKey> existingOrNone() {
        if (mode != Keyring.REQUIRED && file.exists()) {
            return file.existing();
        }
        if (mode == Keyring.OFF) {
            return Optional.empty();
        }
        try {
            return keyring.read();
        } catch (KeyringStoreKey.Unavailable e) {
            return Optional.empty();
        }
    }

    private String keyringDescription() {
        return "OS password store (service \"m365\", account \"" + keyring.account() + "\")";
    }

    @Override
    public String description() {
        if (protection == null) {
            try {
                existing();
            } catch (StoreException e) {
                return "OS password store, not answering (" + e.getMessage() + ")";
            }
        }
        return protection != null ? protection : mode == Keyring.OFF ? file.description()
                : "none yet: created on first login, in the OS password store if one answers, else " + file.path();
    }
}
