package dev.m365.store;

import java.util.Optional;

import dev.m365.config.Setting;
import dev.m365.error.UsageException;

/** A key handed to m365 through {@code M365_STORE_KEY} (containers, CI): m365 never writes it anywhere. */
public final class ConfiguredStoreKey implements StoreKeySource {

    private final Setting<String> value;

    public ConfiguredStoreKey(Setting<String> value) {
        this.value = value;
    }

    @Override
    public Optional<StoreKey> existing() {
        return Optional.of(obtain());
    }

    @Override
    public StoreKey obtain() {
        return StoreKey.parse(value.value()).orElseThrow(() -> new UsageException(value.origin()
                + " is not a store key: give base64 of 32 random bytes, e.g. from `head -c 32 /dev/urandom | base64`."));
    }

    @Override
    public String description() {
        return "given by " + value.origin();
    }
}
