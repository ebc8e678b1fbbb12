package dev.m365.store;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.Base64;
import java.util.Optional;

/** A 256-bit AES key for the store, and an id that tells "wrong key" from "tampered file" without revealing it. */
public final class StoreKey {

    public static final int LENGTH = 32;
    private final byte[] bytes;

    public StoreKey(byte[] bytes) {
        if (bytes.length != LENGTH) {
            throw new IllegalArgumentException("store keys are " + LENGTH + " bytes");
        }
        this.bytes = bytes.clone();
    }

    /** Parses base64 (standard or URL-safe, padding optional); empty when it is not 32 bytes of base64. */
    public static Optional<StoreKey> parse(String base64) {
        String text = base64.strip();
        try {
            byte[] decoded = text.contains("-") || text.contains("_") ? Base64.getUrlDecoder().decode(text)
                    : Base64.getDecoder().decode(text);
            return decoded.length == LENGTH ? Optional.of(new StoreKey(decoded)) : Optional.empty();
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    byte[] bytes() {
        return bytes.clone();
    }

    public String encoded() {
        return Base64.getEncoder().encodeToString(bytes);
    }

    /** First 8 bytes of a domain-separated SHA-256 of the key. */
    byte[] id() {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            sha.update("m365 store key id".getBytes(StandardCharsets.US_ASCII));
            return Arrays.copyOf(sha.digest(bytes), 8);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public String toString() {
        return "StoreKey[***]";
    }
}
