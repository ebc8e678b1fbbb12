package dev.m365.store;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.Optional;

import dev.m365.error.StoreException;
import dev.m365.error.UsageException;

/**
 * A store key kept in a file as base64: either one the user points at ({@code M365_STORE_KEY_FILE}, e.g. a mounted
 * secret) or the one m365 generates once beside the store with mode 0600.
 */
public final class StoreKeyFile implements StoreKeySource {

    private final Path path;
    private final String origin;
    private final boolean generated;
    private final SecureRandom random;

    private StoreKeyFile(Path path, String origin, boolean generated, SecureRandom random) {
        this.path = path;
        this.origin = origin;
        this.generated = generated;
        this.random = random;
    }

    public static StoreKeyFile given(Path path, String origin) {
        return new StoreKeyFile(path, origin, false, null);
    }

    public boolean exists() {
        return Files.exists(path, java.nio.file.LinkOption.NOFOLLOW_LINKS);
    }

    public static StoreKeyFile generatedIn(Path folder, SecureRandom random) {
        return new StoreKeyFile(folder.resolve("store.key"), "key file " + folder.resolve("store.key"), true, random);
    }

    public Path path() {
        return path;
    }

    @Override
    public Optional<StoreKey> existing() {
        String text;
        try {
            if (generated) {
                PrivateFiles.checkPrivate(path, false);
            }
            text = new String(generated ? PrivateFiles.readNoFollow(path) : Files.readAllBytes(path),
                    StandardCharsets.US_ASCII);
        } catch (NoSuchFileException e) {
            if (!generated) {
                throw new UsageException(origin + " " + path + " does not exist: point it at a file holding a base64 store key.");
            }
            return Optional.empty();
        } catch (IOException e) {
            throw new StoreException("Cannot read the store key " + path + ": " + e.getMessage()
                    + ". Check its owner and permissions (it should be 0600 and yours).");
        }
        return Optional.of(StoreKey.parse(text).orElseThrow(() -> new StoreException("The store key " + path
                + " is not base64 of 32 bytes. Restore it from a backup, or remove it together with the store to start afresh.")));
    }

    @Override
    public StoreKey obtain() {
        Optional<StoreKey> key = existing();
        return key.isPresent() ? key.get() : write(randomKey());
    }

    static StoreKey randomKey() {
        byte[] bytes = new byte[StoreKey.LENGTH];
        new SecureRandom().nextBytes(bytes);
        return new StoreKey(bytes);
    }

    /** Writes {@code key} to this file (0600, atomically); called under the store lock. */
    StoreKey write(StoreKey key) {
        try {
            PrivateFiles.writeAtomically(path, key.encoded().getBytes(StandardCharsets.US_ASCII),
                    random == null ? new SecureRandom() : random);
        } catch (IOException e) {
            throw new StoreException("Cannot create the store key " + path + ": " + e.getMessage() + ".");
        }
        return key;
    }

    @Override
    public String description() {
        return generated ? "key file " + path + " (mode 0600: protected by file permissions only)"
                : "key file " + path + " given by " + origin;
    }
}
