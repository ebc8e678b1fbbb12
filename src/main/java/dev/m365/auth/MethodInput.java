package dev.m365.auth;

import java.util.Optional;

import dev.m365.connection.Credential;

/** What one sign-in method needs beyond app, tenant and resource; each method takes its own record. */
public sealed interface MethodInput {

    /** Device code and browser need nothing more. */
    record Interactive(Optional<String> loginHint) implements MethodInput {
    }

    record Password(String userName, String password) implements MethodInput {
        @Override
        public String toString() {
            return "Password[" + userName + ", ***]";
        }
    }

    record Secret(String secret) implements MethodInput {
        @Override
        public String toString() {
            return "Secret[***]";
        }
    }

    record Certificate(CertificateMaterial material, Credential.ClientCertificate stored) implements MethodInput {
    }

    /** Where the federated token comes from, and the token when it was given directly. */
    record Federated(Credential.FederatedSource source, Optional<String> givenToken) implements MethodInput {
        @Override
        public String toString() {
            return "Federated[" + source.source() + "]";
        }
    }

    record Identity(Credential.ManagedIdentity identity) implements MethodInput {
    }
}
