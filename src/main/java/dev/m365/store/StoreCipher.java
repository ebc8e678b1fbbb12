package dev.m365.store;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Arrays;

import javax.crypto.AEADBadTagException;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * The store's file format: {@code "M365" | format byte | key id (8) | nonce (12) | AES-256-GCM ciphertext + tag}.
 * The header is authenticated as associated data, so changing any byte of the file is detected.
 */
final class StoreCipher {

    static final byte[] MAGIC = "M365".getBytes(StandardCharsets.US_ASCII);
    static final byte FORMAT = 1;
    private static final int KEY_ID = 8;
    private static final int NONCE = 12;
    private static final int TAG_BITS = 128;
    private static final int HEADER = MAGIC.length + 1 + KEY_ID;

    private final SecureRandom random;

    StoreCipher(SecureRandom random) {
        this.random = random;
    }

    byte[] seal(byte[] plaintext, StoreKey key) {
        byte[] nonce = new byte[NONCE];
        random.nextBytes(nonce);
        byte[] header = header(key);
        try {
            Cipher cipher = cipher(Cipher.ENCRYPT_MODE, key, nonce);
            cipher.updateAAD(header);
            byte[] sealed = cipher.doFinal(plaintext);
            return ByteBuffer.allocate(HEADER + NONCE + sealed.length).put(header).put(nonce).put(sealed).array();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM is not available in this JVM", e);
        }
    }

    /** Decrypts, or says precisely why it cannot: not a store file, another key, or modified. */
    byte[] open(byte[] file, StoreKey key) throws UnreadableStore {
        if (file.length < HEADER + NONCE + TAG_BITS / 8 || !Arrays.equals(Arrays.copyOf(file, MAGIC.length), MAGIC)) {
            throw new UnreadableStore(UnreadableStore.Reason.NOT_A_STORE);
        }
        if (file[MAGIC.length] != FORMAT) {
            throw new UnreadableStore(UnreadableStore.Reason.NEWER_FORMAT);
        }
        byte[] header = Arrays.copyOf(file, HEADER);
        if (!Arrays.equals(Arrays.copyOfRange(header, MAGIC.length + 1, HEADER), key.id())) {
            throw new UnreadableStore(UnreadableStore.Reason.OTHER_KEY);
        }
        byte[] nonce = Arrays.copyOfRange(file, HEADER, HEADER + NONCE);
        try {
            Cipher cipher = cipher(Cipher.DECRYPT_MODE, key, nonce);
            cipher.updateAAD(header);
            return cipher.doFinal(file, HEADER + NONCE, file.length - HEADER - NONCE);
        } catch (AEADBadTagException e) {
            throw new UnreadableStore(UnreadableStore.Reason.MODIFIED);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM is not available in this JVM", e);
        }
    }

    private static byte[] header(StoreKey key) {
        return ByteBuffer.allocate(HEADER).put(MAGIC).put(FORMAT).put(key.id()).array();
    }

    private static Cipher cipher(int mode, StoreKey key, byte[] nonce) throws GeneralSecurityException {
        Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
        cipher.init(mode, new SecretKeySpec(key.bytes(), "AES"), new GCMParameterSpec(TAG_BITS, nonce));
        return cipher;
    }

    static final class UnreadableStore extends Exception {
        enum Reason {
            NOT_A_STORE,
            NEWER_FORMAT,
            OTHER_KEY,
            MODIFIED
        }

        final Reason reason;

        UnreadableStore(Reason reason) {
            super(reason.name(), null, false, false);
            this.reason = reason;
        }
    }
}
