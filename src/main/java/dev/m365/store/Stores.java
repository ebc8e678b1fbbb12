package dev.m365.store;

import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.Optional;
import java.util.function.Consumer;

import dev.m365.config.Settings;
import dev.m365.json.Json;

/** Opens the store the configuration asks for, with its key from where the configuration says. */
public final class Stores {

    private Stores() {
    }

    public static ConnectionStore open(Settings settings, Json json, SecureRandom random, Consumer<String> warn) {
        if (settings.storeBackend() == Settings.StoreBackend.SECRET_VOLUME) {
            Optional<ConnectionStore> cache = settings.storeCacheDir()
                    .map(dir -> encryptedFile(dir, settings, json, random, warn));
            return new SecretVolumeStore(settings.storeSecretDir(), cache, json);
        }
        return encryptedFile(settings.configDir(), settings, json, random, warn);
    }

    private static ConnectionStore encryptedFile(Path folder, Settings settings, Json json, SecureRandom random,
            Consumer<String> warn) {
        StoreKeySource keys = settings.storeKey().<StoreKeySource>map(ConfiguredStoreKey::new)
                .or(() -> settings.storeKeyFile().map(f -> StoreKeyFile.given(f.value(), f.origin())))
                .orElseGet(() -> new LocalStoreKey(StoreKeyFile.generatedIn(folder, random),
                        new KeyringStoreKey("store key " + folder, settings.keyringTimeout(),
                                KeyringStoreKey.missingOn(System.getProperty("os.name", ""), System.getenv())),
                        settings.keyringMode(), warn));
        return new EncryptedFileStore(folder, keys, settings.lockTimeout(), json, random);
    }
}
