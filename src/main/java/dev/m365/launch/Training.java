package dev.m365.launch;

import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.Base64;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

import dev.m365.auth.TokenTarget;
import dev.m365.config.Cloud;
import dev.m365.connection.AccessToken;
import dev.m365.connection.AuthType;
import dev.m365.connection.Connection;
import dev.m365.connection.Credential;
import dev.m365.connection.Identity;
import dev.m365.store.ConnectionStore;

/**
 * The training run behind {@code bin/m365}'s start-up archive (AppCDS, or the AOT cache on Java 25+): the fast lane's
 * real cached path — help, version, status, cached tokens in every output form — against a throw-away store in a
 * private temporary folder, so the archive holds the classes a pipeline's m365 runs load. Prints nothing.
 */
public final class Training {

    private static final String TENANT = "00000000-0000-4000-8000-000000000001";
    private static final List<String> RESOURCES = List.of("https://management.azure.com/", "https://graph.microsoft.com");

    private static final List<List<String>> COMMANDS = List.of(
            List.of("--version"),
            List.of("--help"),
            List.of("login", "--help"),
            List.of("status"),
            List.of("status", "--output", "text"),
            List.of("graph", "status"),
            List.of("connection", "list", "--output", "table"),
            List.of("get-access-token"),
            List.of("get-access-token", "--resource", "https://graph.microsoft.com", "--output", "tsv", "--query", "accessToken"),
            List.of("get-access-token", "--resource", "graph", "--decoded"),
            List.of("account", "get-access-token", "--output", "none"),
            List.of("get-access-token", "--resource", "https://outlook.office.com"),
            List.of("get-access-token", "--unknown-option"));

    private Training() {
    }

    public static void main(String[] args) throws IOException {
        Path folder = Files.createTempDirectory("m365-training",
                PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
        PrintStream out = System.out;
        PrintStream err = System.err;
        try {
            byte[] key = new byte[32];
            new SecureRandom().nextBytes(key);
            System.setProperty("m365.config-dir", folder.resolve("config").toString());
            System.setProperty("m365.store.key", Base64.getEncoder().encodeToString(key));
            ConnectionStore store = FastLane.wiring(StandaloneConfig.load()).get(ConnectionStore.class);
            store.update(data -> data.withActiveConnection(connection()));
            PrintStream quiet = new PrintStream(OutputStream.nullOutputStream(), true, StandardCharsets.UTF_8);
            System.setOut(quiet);
            System.setErr(quiet);
            for (List<String> command : COMMANDS) {
                try {
                    FastLane.run(command.toArray(String[]::new));
                } catch (RuntimeException handedOver) {
                    // The classes up to the hand-over are what a refresh run loads before Quarkus starts.
                }
            }
        } finally {
            System.setOut(out);
            System.setErr(err);
            try (Stream<Path> files = Files.walk(folder)) {
                for (Path file : files.sorted(Comparator.reverseOrder()).toList()) {
                    Files.deleteIfExists(file);
                }
            }
        }
    }

    private static Connection connection() {
        long expiry = Instant.now().getEpochSecond() + 3600;
        Map<String, AccessToken> tokens = new LinkedHashMap<>();
        for (String resource : RESOURCES) {
            tokens.put(new TokenTarget(resource, Optional.empty(), Optional.empty()).cacheKey(),
                    new AccessToken(resource, jwt(resource, expiry), expiry));
        }
        return new Connection("training", "training", AuthType.deviceCode, "04b07795-8ddb-461a-bbee-02f9e1bf7b46",
                "contoso.onmicrosoft.com", TENANT, Cloud.Public, Cloud.Public.authorityHost().toString(),
                new Identity(Identity.Kind.user, "training@contoso.onmicrosoft.com", "Training", null),
                new Credential.RefreshToken("training"), null, tokens, Instant.now().getEpochSecond(), null, null);
    }

    private static String jwt(String audience, long expiry) {
        Base64.Encoder base64 = Base64.getUrlEncoder().withoutPadding();
        String header = base64.encodeToString("{\"alg\":\"none\",\"typ\":\"JWT\"}".getBytes(StandardCharsets.UTF_8));
        String claims = base64.encodeToString(("{\"aud\":\"" + audience + "\",\"tid\":\"" + TENANT + "\",\"exp\":" + expiry
                + ",\"upn\":\"training@contoso.onmicrosoft.com\"}").getBytes(StandardCharsets.UTF_8));
        return header + "." + claims + ".";
    }
}
