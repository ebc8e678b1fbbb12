package dev.m365.store;

import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.Map;
import java.util.TreeSet;

import dev.m365.config.Cloud;
import dev.m365.config.Setting;
import dev.m365.connection.AccessToken;
import dev.m365.connection.AuthType;
import dev.m365.connection.Connection;
import dev.m365.connection.Credential;
import dev.m365.connection.Identity;
import dev.m365.connection.StoreData;
import dev.m365.json.Json;

/**
 * A separate process that works on a store the way m365 commands do: logins to services and connections, token
 * refreshes, logouts and reads. Modes: {@code load <dir> <worker> <ops>} prints the names it expects to survive;
 * {@code churn <dir>} rewrites a large, self-consistent state forever (to be killed with SIGKILL).
 */
public final class StoreWorker {

    private StoreWorker() {
    }

    public static void main(String[] args) throws Exception {
        Path dir = Path.of(args[1]);
        EncryptedFileStore store = new EncryptedFileStore(dir, new ConfiguredStoreKey(new Setting<>(
                System.getenv("M365_STORE_KEY"), "environment variable M365_STORE_KEY")), Duration.ofSeconds(60),
                new Json(), new SecureRandom());
        if (args[0].equals("load")) {
            load(store, Integer.parseInt(args[2]), Integer.parseInt(args[3]));
        } else {
            churn(store);
        }
    }

    private static void load(EncryptedFileStore store, int worker, int ops) {
        TreeSet<String> mine = new TreeSet<>();
        for (int j = 0; j < ops; j++) {
            String name = "w" + worker + "-c" + (j % 4);
            int n = j;
            switch (j % 5) {
                case 0 -> {
                    String service = "w" + worker + "-svc" + (j % 3);
                    store.update(d -> d.withServiceLogin(service, connection(service, n)));
                    mine.add("service:" + service);
                }
                case 1 -> {
                    store.update(d -> d.withConnection(connection(name, n)));
                    mine.add(name);
                }
                case 2 -> store.update(d -> d.connection(name).map(c -> d.updateConnection(c.id(),
                        x -> x.withToken("https://graph.microsoft.com", new AccessToken("https://graph.microsoft.com",
                                "token-" + n, 2_000_000_000L)))).orElse(d));
                case 3 -> {
                    String gone = "w" + worker + "-c" + ((j + 1) % 4);
                    store.update(d -> d.withoutConnection(gone));
                    mine.remove(gone);
                }
                default -> {
                    StoreData seen = store.read();
                    for (String expected : mine) {
                        boolean present = expected.startsWith("service:")
                                ? seen.serviceLogin(expected.substring(8)).isPresent()
                                : seen.connection(expected).isPresent();
                        if (!present) {
                            throw new IllegalStateException("lost update: " + expected);
                        }
                    }
                }
            }
        }
        System.out.println(String.join(",", mine));
    }

    /** Each state names one round in every token, so a torn write would show as a mix of rounds. */
    private static void churn(EncryptedFileStore store) {
        for (int round = 0;; round++) {
            int n = round;
            store.update(d -> {
                StoreData next = StoreData.empty();
                for (int i = 0; i < 200; i++) {
                    next = next.withConnection(connection("c" + i, n).withToken("r", new AccessToken("r",
                            "round-" + n + "-" + "x".repeat(200), 2_000_000_000L)));
                }
                return next;
            });
        }
    }

    static Connection connection(String name, int round) {
        return new Connection("id-" + name, name, AuthType.deviceCode, "app", "common", "tid", Cloud.Public,
                "https://login.microsoftonline.com", new Identity(Identity.Kind.user, name + "@contoso.com", null, null),
                new Credential.RefreshToken("rt-" + name + "-" + round), null, Map.of(), round, null, null);
    }
}
