package dev.m365.store;

import java.security.SecureRandom;

import dev.m365.config.Settings;
import dev.m365.json.Json;

/** Opens the store the configuration asks for, with its key from where the configuration says. */
public final class Stores {

    private Stores() {
    }

    public static ConnectionStore open(Settings settings, Json json, SecureRandom random) {
        StoreKeySource keys = settings.storeKey().<StoreKeySource>map(ConfiguredStoreKey::new)
                .or(() -> settings.storeKeyFile().map(f -> StoreKeyFile.given(f.value(), f.origin())))
                .orElseGet(() -> StoreKeyFile.generatedIn(settings.configDir(), random));
        return new EncryptedFileStore(settings.configDir(), keys, settings.lockTimeout(), json, random);
    }
}
