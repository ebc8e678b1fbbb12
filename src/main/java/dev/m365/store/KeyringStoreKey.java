package dev.m365.store;

import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import com.github.javakeyring.Keyring;

/**
 * The store key kept in the platform's password store (Secret Service over D-Bus on Linux, Keychain on macOS,
 * Credential Manager on Windows) through java-keyring. Every call has a timeout, because a locked or hung keyring
 * must never hang m365.
 */
public final class KeyringStoreKey {

    /** The keyring did not answer, or there is none; {@code reason} says which. */
    public static final class Unavailable extends Exception {
        Unavailable(String reason, Throwable cause) {
            super(reason, cause, false, false);
        }
    }

    static final String SERVICE = "m365";

    private final String account;
    private final Duration timeout;
    private final Optional<String> missing;

    /** {@code missing}: why no password store can answer here, known without asking (no D-Bus session). */
    public KeyringStoreKey(String account, Duration timeout, Optional<String> missing) {
        this.account = account;
        this.timeout = timeout;
        this.missing = missing;
    }

    /**
     * On Linux the password store answers over the D-Bus session bus; without one (containers, CI, SSH) there is no
     * point asking, and asking could start a bus.
     */
    public static Optional<String> missingOn(String osName, java.util.Map<String, String> env) {
        if (!osName.toLowerCase(java.util.Locale.ROOT).contains("linux")) {
            return Optional.empty();
        }
        String address = env.get("DBUS_SESSION_BUS_ADDRESS");
        if (address != null && !address.isBlank()) {
            return Optional.empty();
        }
        String runtime = env.get("XDG_RUNTIME_DIR");
        if (runtime != null && java.nio.file.Files.exists(java.nio.file.Path.of(runtime, "bus"))) {
            return Optional.empty();
        }
        return Optional.of("there is no D-Bus session (DBUS_SESSION_BUS_ADDRESS is not set), so no OS password store");
    }

    public String account() {
        return account;
    }

    public Optional<StoreKey> read() throws Unavailable {
        String value = call(keyring -> keyring.getPassword(SERVICE, account));
        return value == null ? Optional.empty() : StoreKey.parse(value);
    }

    public void write(StoreKey key) throws Unavailable {
        call(keyring -> {
            keyring.setPassword(SERVICE, account, key.encoded());
            return null;
        });
    }

    private interface KeyringCall<T> {
        T apply(Keyring keyring) throws Exception;
    }

    private <T> T call(KeyringCall<T> work) throws Unavailable {
        if (missing.isPresent()) {
            throw new Unavailable(missing.get(), null);
        }
        ExecutorService thread = Executors.newSingleThreadExecutor(r -> {
            Thread t = new Thread(r, "m365-keyring");
            t.setDaemon(true); // a hung D-Bus call must not keep the process alive
            return t;
        });
        try {
            Callable<T> task = () -> {
                try (Keyring keyring = Keyring.create()) {
                    return work.apply(keyring);
                } catch (com.github.javakeyring.PasswordAccessException e) {
                    if (String.valueOf(e.getMessage()).toLowerCase(java.util.Locale.ROOT).contains("not found")
                            || String.valueOf(e.getMessage()).toLowerCase(java.util.Locale.ROOT).contains("no password")) {
                        return null;
                    }
                    throw e;
                }
            };
            Future<T> result = thread.submit(task);
            return result.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            throw new Unavailable("the OS password store did not answer within " + timeout.toMillis() + " ms", e);
        } catch (ExecutionException e) {
            throw new Unavailable("the OS password store is not available (" + rootMessage(e.getCause()) + ")", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new Unavailable("interrupted", e);
        } finally {
            thread.shutdownNow();
        }
    }

    private static String rootMessage(Throwable t) {
        Throwable root = t;
        while (root.getCause() != null) {
            root = root.getCause();
        }
        return root.getClass().getSimpleName() + (root.getMessage() == null ? "" : ": " + root.getMessage());
    }
}
