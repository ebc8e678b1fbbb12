package dev.m365.store;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Map;

import dev.m365.connection.AuthType;
import dev.m365.connection.Connection;
import dev.m365.connection.Credential;
import dev.m365.connection.StoreData;
import dev.m365.error.StoreException;
import dev.m365.error.UsageException;
import dev.m365.json.Json;

/**
 * One connection as the secret-volume store reads it: a {@code connection.json} with that connection and nothing
 * else (no cached tokens, no other connection), as a Kubernetes Secret manifest or as files.
 */
public final class ConnectionExport {

    private final Json json;

    public ConnectionExport(Json json) {
        this.json = json;
    }

    public byte[] document(Connection connection) {
        if (connection.credential() instanceof Credential.FederatedSource
                || connection.credential() instanceof Credential.ManagedIdentity) {
            throw new UsageException("A " + connection.authType() + " connection gets its credential from the workload "
                    + "it runs in; there is nothing to export. Sign in inside the pod instead (workload identity).");
        }
        Connection exported = connection.withoutTokens();
        StoreData document = new StoreData(StoreData.CURRENT_VERSION, exported.name(),
                Map.of(exported.name(), exported), Map.of(), null);
        return json.pretty(document).getBytes(StandardCharsets.UTF_8);
    }

    public String kubernetesSecret(Connection connection, String name, String namespace) {
        if (!name.matches("[a-z0-9]([-a-z0-9.]{0,251}[a-z0-9])?")) {
            throw new UsageException("--name '" + name + "' is not a valid Secret name: use lower-case letters, digits, '-' and '.'.");
        }
        if (namespace != null && !namespace.matches("[a-z0-9]([-a-z0-9]{0,61}[a-z0-9])?")) {
            throw new UsageException("--namespace '" + namespace + "' is not a valid namespace name.");
        }
        String data = Base64.getEncoder().encodeToString(document(connection));
        return "apiVersion: v1\n"
                + "kind: Secret\n"
                + "metadata:\n"
                + "  name: " + name + "\n"
                + (namespace == null ? "" : "  namespace: " + namespace + "\n")
                + "  labels:\n"
                + "    app.kubernetes.io/name: m365\n"
                + "  annotations:\n"
                + "    m365.dev/connection: " + json.toTree(connection.name()) + "\n"
                + "type: Opaque\n"
                + "data:\n"
                + "  " + SecretVolumeStore.FILE_NAME + ": " + data + "\n";
    }

    public Path writeFiles(Connection connection, Path folder) {
        try {
            PrivateFiles.createFolder(folder);
            Path file = folder.resolve(SecretVolumeStore.FILE_NAME);
            PrivateFiles.writeAtomically(file, document(connection), new SecureRandom());
            return file;
        } catch (IOException e) {
            throw new StoreException("Cannot write the export to " + folder + ": " + e.getMessage() + ".");
        }
    }

    /** What holding the export lets someone do, and for how long: said on stderr at every export. */
    public static String grants(Connection connection) {
        String who = connection.identity().name();
        String what = switch (connection.authType()) {
            case secret -> "the client secret of app " + who + ": it grants app-only access until the secret expires "
                    + "or is removed from the app registration";
            case certificate -> "the certificate and private key of app " + who + ": they grant app-only access until "
                    + "the certificate expires or is removed from the app registration";
            case password -> "the password and a refresh token of " + who + ": they grant access as that user until "
                    + "the password changes";
            default -> "a refresh token of " + who + ": it grants access as that user to every resource the app may "
                    + "use, until it expires (90 days without use by default; sign-in frequency policies and "
                    + "revocation end it sooner)";
        };
        String rotate = connection.authType() == AuthType.secret || connection.authType() == AuthType.certificate
                ? "rotate the credential on the app and export again"
                : "sign in again and export again; revoke the user's sessions to end the old one";
        return "This export holds " + what + ". Store it as a secret (RBAC-restricted, encrypted at rest). "
                + "To rotate: " + rotate + ".";
    }
}
