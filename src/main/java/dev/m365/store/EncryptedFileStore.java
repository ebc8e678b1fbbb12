package dev.m365.store;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.function.UnaryOperator;

import dev.m365.connection.StoreData;
import dev.m365.error.StoreException;
import dev.m365.json.Json;

/**
 * Connections in one AES-256-GCM encrypted file in the config folder ({@code store.enc}), written atomically under
 * {@link StoreLock}. Reads take no lock: atomic renames mean a reader always sees a whole file.
 */
public class EncryptedFileStore implements ConnectionStore {

    public static final String FILE_NAME = "store.enc";

    private final Path folder;
    private final Path file;
    private final StoreKeySource keys;
    private final Json json;
    private final SecureRandom random;
    private final StoreCipher cipher;
    private final StoreLock lock;

    public EncryptedFileStore(Path folder, StoreKeySource keys, Duration lockTimeout, Json json, SecureRandom random) {
        this.folder = folder;
        this.file = folder.resolve(FILE_NAME);
        this.keys = keys;
        this.json = json;
        this.random = random;
        this.cipher = new StoreCipher(random);
        this.lock = new StoreLock(folder.resolve("store.lock"), lockTimeout);
    }

    public Path file() {
        return file;
    }

    @Override
    public StoreData read() {
        PrivateFiles.checkPrivate(folder, true);
        PrivateFiles.checkPrivate(file, false);
        byte[] sealed;
        try {
            sealed = PrivateFiles.readNoFollow(file);
        } catch (NoSuchFileException e) {
            return StoreData.empty();
        } catch (IOException e) {
            throw new StoreException("Cannot read the store " + file + ": " + e.getMessage()
                    + ". Check its owner and permissions (it should be 0600 and yours).");
        }
        StoreKey key = keys.existing().orElseThrow(() -> new StoreException("The store " + file
                + " exists but its key (" + keys.description() + ") is missing. Restore the key, or remove "
                + file + " and sign in again."));
        return decode(sealed, key);
    }

    private StoreData decode(byte[] sealed, StoreKey key) {
        byte[] plain;
        try {
            plain = cipher.open(sealed, key);
        } catch (StoreCipher.UnreadableStore e) {
            throw new StoreException(explain(e.reason));
        }
        return StoreDocuments.parse(plain, json, file.toString());
    }

    private String explain(StoreCipher.UnreadableStore.Reason reason) {
        switch (reason) {
            case NOT_A_STORE:
                return "The store " + file + " is not an m365 store (truncated or replaced); it was left untouched. "
                        + "Restore it from a backup, or remove it and sign in again.";
            case NEWER_FORMAT:
                return "The store " + file + " uses a newer format; upgrade m365 to read it. It was left untouched.";
            case OTHER_KEY:
                return "The store " + file + " was encrypted with a different key than " + keys.description()
                        + ". Use the key it was written with; the store was left untouched.";
            default:
                return "The store " + file + " has been modified or corrupted (authentication failed); it was left "
                        + "untouched. Restore it from a backup, or remove it and sign in again.";
        }
    }

    @Override
    public StoreData update(UnaryOperator<StoreData> change) {
        try {
            PrivateFiles.createFolder(folder);
        } catch (IOException e) {
            throw new StoreException("Cannot create the config folder " + folder + ": " + e.getMessage()
                    + ". Set M365_CONFIG_DIR to a writable folder.");
        }
        PrivateFiles.checkPrivate(folder, true);
        try (StoreLock.Held held = lock.acquire()) {
            PrivateFiles.removeStaleTemps(file);
            StoreData current = read();
            StoreData next = change.apply(current);
            if (next.equals(current)) {
                return current;
            }
            byte[] sealed = cipher.seal(json.write(next), keys.obtain());
            PrivateFiles.writeAtomically(file, sealed, random);
            return next;
        } catch (IOException e) {
            throw new StoreException("Cannot write the store " + file + ": " + e.getMessage()
                    + ". The previous state was kept.");
        }
    }

    @Override
    public void preflight() {
        read();
        keys.check();
        Path existing = folder;
        while (existing != null && !Files.exists(existing)) {
            existing = existing.getParent();
        }
        if (existing == null || !Files.isDirectory(existing) || !Files.isWritable(existing)) {
            throw new StoreException("The config folder " + folder + " cannot be created or written. Set "
                    + "M365_CONFIG_DIR to a writable folder.");
        }
    }

    @Override
    public StoreDescription describe() {
        return new StoreDescription("encrypted file (AES-256-GCM)", file.toString(), keys.description());
    }
}
