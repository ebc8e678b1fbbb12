package dev.m365.store;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.UnaryOperator;

import dev.m365.connection.StoreData;
import dev.m365.error.StoreException;
import dev.m365.json.Json;

/**
 * Connections read from a mounted Kubernetes Secret ({@code connection.json}, as {@code m365 connection export}
 * writes it). The volume is read-only and the kubelet swaps its {@code ..data} link atomically on update, so every
 * read takes the file whole. What m365 learns later (refreshed tokens, a rotated refresh token) goes to a writable
 * cache folder (an {@code emptyDir}) when one is configured, else stays in memory for the process; a cached copy
 * counts only while the Secret is the one it was derived from.
 */
public class SecretVolumeStore implements ConnectionStore {

    public static final String FILE_NAME = "connection.json";

    private final Path secretFolder;
    private final Optional<ConnectionStore> cache;
    private final Json json;
    private final AtomicReference<StoreData> memory = new AtomicReference<>();

    public SecretVolumeStore(Path secretFolder, Optional<ConnectionStore> cache, Json json) {
        this.secretFolder = secretFolder;
        this.cache = cache;
        this.json = json;
    }

    private record Source(StoreData data, String fingerprint) {
    }

    private Source source() {
        Path file = secretFolder.resolve(FILE_NAME);
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(file);
        } catch (NoSuchFileException e) {
            throw new StoreException("The secret volume " + secretFolder + " holds no " + FILE_NAME + ": mount the Secret "
                    + "made by `m365 connection export --format k8s-secret` there, or set m365.store.secret-dir.");
        } catch (IOException e) {
            throw new StoreException("Cannot read " + file + ": " + e.getMessage() + ".");
        }
        return new Source(StoreDocuments.parse(bytes, json, file.toString()).withDerivedFrom(fingerprint(bytes)),
                fingerprint(bytes));
    }

    @Override
    public StoreData read() {
        Source source = source();
        StoreData cached = cache.map(ConnectionStore::read).orElseGet(memory::get);
        return cached != null && source.fingerprint().equals(cached.derivedFrom()) ? cached : source.data();
    }

    @Override
    public StoreData update(UnaryOperator<StoreData> change) {
        Source source = source();
        UnaryOperator<StoreData> onLatest = current -> change.apply(
                current != null && source.fingerprint().equals(current.derivedFrom()) ? current : source.data())
                .withDerivedFrom(source.fingerprint());
        if (cache.isPresent()) {
            return cache.get().update(onLatest);
        }
        return memory.updateAndGet(onLatest);
    }

    @Override
    public void preflight() {
        source();
        cache.ifPresent(ConnectionStore::preflight);
    }

    @Override
    public StoreDescription describe() {
        String where = cache.map(c -> "refreshed tokens cached in " + c.describe().location() + " ("
                + c.describe().keyProtection() + ")").orElse("refreshed tokens kept in memory for the process");
        return new StoreDescription("Kubernetes secret volume (read-only)", secretFolder.resolve(FILE_NAME).toString(),
                "the Secret (Kubernetes RBAC, etcd encryption at rest); " + where);
    }

    private static String fingerprint(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
