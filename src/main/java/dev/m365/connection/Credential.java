package dev.m365.connection;

import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;

/**
 * What a connection keeps so it can get new access tokens without the user: a refresh token for delegated sign-ins,
 * the app credential (or where to fetch it) for app-only ones. Lives only inside the encrypted store; every record
 * overrides {@code toString} so a secret never reaches a log line.
 */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, property = "type")
@JsonSubTypes({
        @JsonSubTypes.Type(value = Credential.RefreshToken.class, name = "refreshToken"),
        @JsonSubTypes.Type(value = Credential.UserPassword.class, name = "userPassword"),
        @JsonSubTypes.Type(value = Credential.ClientSecret.class, name = "clientSecret"),
        @JsonSubTypes.Type(value = Credential.ClientCertificate.class, name = "clientCertificate"),
        @JsonSubTypes.Type(value = Credential.FederatedSource.class, name = "federated"),
        @JsonSubTypes.Type(value = Credential.ManagedIdentity.class, name = "managedIdentity"),
})
public sealed interface Credential {

    /** A delegated login's refresh token; rotated tokens replace it. */
    record RefreshToken(String token) implements Credential {
        @Override
        public String toString() {
            return "RefreshToken[***]";
        }
    }

    /**
     * A password sign-in: its refresh token, and the password itself so m365 can sign in again when the refresh
     * token expires (as the CLI for Microsoft 365 does), kept only in the encrypted store.
     */
    record UserPassword(String userName, String password, String refreshToken) implements Credential {
        public UserPassword withRefreshToken(String token) {
            return new UserPassword(userName, password, token);
        }

        @Override
        public String toString() {
            return "UserPassword[" + userName + ", ***]";
        }
    }

    record ClientSecret(String secret) implements Credential {
        @Override
        public String toString() {
            return "ClientSecret[***]";
        }
    }

    /**
     * A certificate and its private key (PEM text or PKCS#12 bytes, base64), how to sign the assertion
     * ({@code PS256} with {@code x5t#S256}, or {@code RS256} with SHA-1 {@code x5t}), and whether to send the
     * chain ({@code x5c}) for subject-name/issuer authentication.
     */
    record ClientCertificate(String contentBase64, String password, String algorithm, boolean sendChain)
            implements Credential {
        @Override
        public String toString() {
            return "ClientCertificate[" + algorithm + (sendChain ? ", x5c" : "") + ", ***]";
        }
    }

    /**
     * Where a workload's federated token comes from; the token itself is never stored. {@code source} is
     * {@code file} (with {@code file}), {@code githubActions} or {@code azurePipelines} (reading their variables
     * again at each use), or {@code given} (a token passed once on the command line: not renewable).
     */
    record FederatedSource(String source, String file, String audience, String serviceConnectionId)
            implements Credential {
    }

    /** A managed identity: {@code system}, or user-assigned by {@code clientId}, {@code objectId} or {@code resourceId}. */
    record ManagedIdentity(String selector, String id) implements Credential {
    }
}
