package dev.m365.auth;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import jakarta.inject.Singleton;

import dev.m365.config.Cloud;
import dev.m365.config.Setting;
import dev.m365.config.Settings;
import dev.m365.config.Tenant;
import dev.m365.connection.AuthType;
import dev.m365.connection.Credential;
import dev.m365.error.UsageException;
import dev.m365.system.SecretInput;
import dev.m365.system.WorkloadEnvironment;

/**
 * Turns what the user typed into a {@link LoginPlan}: which method (inferred the way the Azure CLI does when
 * {@code --authType} is absent), which app and tenant (app-only methods also read {@code AZURE_CLIENT_ID} and
 * {@code AZURE_TENANT_ID}), and the method's secrets from option, standard input, environment or a prompt. Every
 * check happens here, before any request.
 */
@Singleton
public class LoginPlanner {

    private final Settings settings;
    private final SecretInput secrets;
    private final WorkloadEnvironment env;
    private final FederatedTokens federated;

    public LoginPlanner(Settings settings, SecretInput secrets, WorkloadEnvironment env, FederatedTokens federated) {
        this.settings = settings;
        this.secrets = secrets;
        this.env = env;
        this.federated = federated;
    }

    public LoginPlan plan(LoginInput in) {
        AuthType type = type(in);
        rejectInapplicable(in, type);
        Cloud cloud = settings.cloud(in.cloud()).value();
        java.net.URI host = settings.authorityHost(cloud).value();
        switch (type) {
            case password -> {
                Tenant tenant = PasswordSignIn.tenantFor(settings.tenant(in.tenant()).value());
                String user = in.userName().orElseThrow(() -> new UsageException(
                        "--authType password needs --userName (or -u): the account to sign in as."));
                String password = password(in, "Password for " + user);
                return new LoginPlan(type, delegatedApp(in), new Authority(host, tenant), cloud,
                        new MethodInput.Password(user, password));
            }
            case secret -> {
                String app = appOnlyApp(in, type);
                return new LoginPlan(type, app, new Authority(host, appOnlyTenant(in, type)), cloud,
                        new MethodInput.Secret(clientSecret(in)));
            }
            case certificate -> {
                String app = appOnlyApp(in, type);
                return new LoginPlan(type, app, new Authority(host, appOnlyTenant(in, type)), cloud, certificate(in));
            }
            case federatedIdentity -> {
                String app = appOnlyApp(in, type);
                Tenant tenant = appOnlyTenant(in, type);
                Optional<String> given = in.federatedToken().map(t -> secrets.resolve("--federatedToken", t));
                Credential.FederatedSource source = given.isPresent()
                        ? new Credential.FederatedSource(FederatedTokens.GIVEN, null, FederatedTokens.AUDIENCE, null)
                        : federated.detect(FederatedTokens.AUDIENCE, in.serviceConnectionId());
                return new LoginPlan(type, app, new Authority(host, tenant), cloud,
                        new MethodInput.Federated(source, given));
            }
            case identity -> {
                return new LoginPlan(type, "", new Authority(host, settings.tenant(in.tenant()).value()), cloud,
                        new MethodInput.Identity(managedIdentity(in)));
            }
            default -> {
                return new LoginPlan(type, delegatedApp(in), new Authority(host, settings.tenant(in.tenant()).value()),
                        cloud, new MethodInput.Interactive(in.userName()));
            }
        }
    }

    /** The method: explicit, else implied by the options given, as the Azure CLI infers it. */
    static AuthType inferred(LoginInput in) {
        if (in.identity()) {
            return AuthType.identity;
        }
        if (in.servicePrincipal()) {
            return in.certificateFile().isPresent() || in.certificateBase64().isPresent() ? AuthType.certificate
                    : in.federatedToken().isPresent() ? AuthType.federatedIdentity : AuthType.secret;
        }
        if (in.federatedToken().isPresent()) {
            return AuthType.federatedIdentity;
        }
        if (in.certificateFile().isPresent() || in.certificateBase64().isPresent()) {
            return AuthType.certificate;
        }
        if (in.secret().isPresent()) {
            return AuthType.secret;
        }
        if (in.userName().isPresent()) {
            return AuthType.password;
        }
        return null;
    }

    private AuthType type(LoginInput in) {
        Optional<AuthType> explicit = in.authType().map(AuthType::parse);
        AuthType implied = inferred(in);
        if (explicit.isPresent()) {
            boolean flagged = in.identity() || in.servicePrincipal();
            if (flagged && explicit.get() != implied) {
                throw new UsageException("--authType " + explicit.get() + " conflicts with "
                        + (in.identity() ? "--identity" : "--service-principal") + ": give one of them.");
            }
            return explicit.get();
        }
        if (implied != null) {
            return implied;
        }
        return settings.authType().map(s -> {
            try {
                return AuthType.parse(s.value());
            } catch (UsageException e) {
                throw new UsageException(s.origin() + " '" + s.value() + "' is not a sign-in method: use one of "
                        + AuthType.names() + ".");
            }
        }).orElse(AuthType.deviceCode);
    }

    private static void rejectInapplicable(LoginInput in, AuthType type) {
        List<String> wrong = new ArrayList<>();
        check(wrong, in.secret().isPresent(), "--secret", type, Set.of(AuthType.secret));
        check(wrong, in.password().isPresent() || in.passwordStdin(), "--password", type,
                Set.of(AuthType.password, AuthType.certificate, AuthType.secret));
        check(wrong, in.certificateFile().isPresent(), "--certificateFile", type, Set.of(AuthType.certificate));
        check(wrong, in.certificateBase64().isPresent(), "--certificateBase64Encoded", type, Set.of(AuthType.certificate));
        check(wrong, in.thumbprint().isPresent(), "--thumbprint", type, Set.of(AuthType.certificate));
        check(wrong, in.assertionAlgorithm().isPresent(), "--assertionAlgorithm", type, Set.of(AuthType.certificate));
        check(wrong, in.useCertSnIssuer(), "--use-cert-sn-issuer", type, Set.of(AuthType.certificate));
        check(wrong, in.federatedToken().isPresent(), "--federatedToken", type, Set.of(AuthType.federatedIdentity));
        check(wrong, in.serviceConnectionId().isPresent(), "--serviceConnectionId", type, Set.of(AuthType.federatedIdentity));
        check(wrong, in.identityClientId().isPresent() || in.identityObjectId().isPresent()
                || in.identityResourceId().isPresent(), "--client-id/--object-id/--resource-id", type,
                Set.of(AuthType.identity));
        if (in.password().isPresent() && type == AuthType.secret && !in.servicePrincipal()) {
            wrong.add("--password");
        }
        if (!wrong.isEmpty()) {
            throw new UsageException(String.join(", ", wrong) + " does not apply to --authType " + type
                    + ": remove it or choose the matching --authType.");
        }
    }

    private static void check(List<String> wrong, boolean given, String option, AuthType type, Set<AuthType> applies) {
        if (given && !applies.contains(type)) {
            wrong.add(option);
        }
    }

    private String delegatedApp(LoginInput in) {
        return settings.appId(in.appId()).value();
    }

    /** App-only sign-ins need the app's own id: from --appId, -u with --service-principal, or AZURE_CLIENT_ID. */
    private String appOnlyApp(LoginInput in, AuthType type) {
        Optional<Setting<String>> given = in.appId().map(v -> new Setting<>(v, "--appId"))
                .or(() -> in.servicePrincipal() ? in.userName().map(v -> new Setting<>(v, "--userName")) : Optional.empty())
                .or(() -> env.clientId().map(v -> new Setting<>(v, "environment variable AZURE_CLIENT_ID")));
        Setting<String> appId = given.map(g -> settings.appId(Optional.of(g.value()), g.origin()))
                .orElseGet(() -> settings.appId(Optional.empty()));
        if (appId.origin().equals("default")) {
            throw new UsageException("--authType " + type + " signs in as an app: give its application (client) id "
                    + "with --appId (or AZURE_CLIENT_ID).");
        }
        return appId.value();
    }

    private Tenant appOnlyTenant(LoginInput in, AuthType type) {
        Setting<Tenant> tenant = in.tenant().isPresent() ? settings.tenant(in.tenant())
                : env.tenantId().map(t -> settings.tenant(Optional.of(t), "environment variable AZURE_TENANT_ID"))
                        .orElseGet(() -> settings.tenant(Optional.empty()));
        if (tenant.value().isMultiTenant()) {
            throw new UsageException("--authType " + type + " needs the app's tenant: give --tenant with its domain or "
                    + "id (or AZURE_TENANT_ID); '" + tenant.value() + "' names no single tenant.");
        }
        return tenant.value();
    }

    private String password(LoginInput in, String prompt) {
        if (in.password().isPresent()) {
            return secrets.resolve("--password", in.password().get());
        }
        if (in.passwordStdin()) {
            return secrets.readStdin("--password-stdin");
        }
        return promptOrFail(in, prompt, "password", "--password (or --password -, --password-stdin)");
    }

    private String clientSecret(LoginInput in) {
        if (in.secret().isPresent()) {
            return secrets.resolve("--secret", in.secret().get());
        }
        if (in.password().isPresent()) {
            return secrets.resolve("--password", in.password().get());
        }
        if (in.passwordStdin()) {
            return secrets.readStdin("--password-stdin");
        }
        Optional<String> fromEnv = env.clientSecret();
        if (fromEnv.isPresent()) {
            secrets.resolve("AZURE_CLIENT_SECRET", fromEnv.get());
            return fromEnv.get();
        }
        return promptOrFail(in, "Client secret", "client secret", "--secret (or --secret -, AZURE_CLIENT_SECRET)");
    }

    private String promptOrFail(LoginInput in, String prompt, String what, String how) {
        Optional<String> typed = in.noPrompt() ? Optional.empty() : secrets.prompt(prompt);
        return typed.orElseThrow(() -> new UsageException("No " + what + " given and no terminal to ask on"
                + (in.noPrompt() ? " (-q)" : "") + ": give " + how + "."));
    }

    private MethodInput.Certificate certificate(LoginInput in) {
        if (in.certificateFile().isPresent() && in.certificateBase64().isPresent()) {
            throw new UsageException("Give either --certificateFile or --certificateBase64Encoded, not both.");
        }
        byte[] content;
        String origin;
        if (in.certificateBase64().isPresent()) {
            origin = "--certificateBase64Encoded";
            String value = secrets.resolve(origin, in.certificateBase64().get());
            try {
                content = Base64.getMimeDecoder().decode(value.strip());
            } catch (IllegalArgumentException e) {
                throw new UsageException("--certificateBase64Encoded is not base64: encode the PFX or PEM file, e.g. "
                        + "`base64 -w0 cert.pfx`.");
            }
        } else {
            Optional<String> file = in.certificateFile().or(env::certificatePath);
            if (file.isEmpty()) {
                throw new UsageException("--authType certificate needs --certificateFile, --certificateBase64Encoded "
                        + "or AZURE_CLIENT_CERTIFICATE_PATH.");
            }
            origin = file.get();
            try {
                content = Files.readAllBytes(Path.of(file.get()));
            } catch (NoSuchFileException e) {
                throw new UsageException("The certificate file " + file.get() + " does not exist.");
            } catch (IOException e) {
                throw new UsageException("Cannot read the certificate file " + file.get() + ": " + e.getMessage() + ".");
            }
        }
        Optional<String> password = in.password().map(p -> secrets.resolve("--password", p))
                .or(() -> in.passwordStdin() ? Optional.of(secrets.readStdin("--password-stdin")) : Optional.empty())
                .or(env::certificatePassword);
        password.ifPresent(p -> secrets.resolve("AZURE_CLIENT_CERTIFICATE_PASSWORD", p));
        CertificateMaterial material = Certificates.load(content, password, origin);
        in.thumbprint().ifPresent(t -> Certificates.checkThumbprint(material, t));
        String algorithm = in.assertionAlgorithm().map(ClientAssertions::algorithm).orElse(ClientAssertions.PS256);
        return new MethodInput.Certificate(material, new Credential.ClientCertificate(
                Base64.getEncoder().encodeToString(content), password.orElse(null), algorithm, in.useCertSnIssuer()));
    }

    private static Credential.ManagedIdentity managedIdentity(LoginInput in) {
        List<Credential.ManagedIdentity> chosen = new ArrayList<>();
        in.userName().or(in::identityClientId).ifPresent(id -> chosen.add(new Credential.ManagedIdentity("clientId", id)));
        in.identityObjectId().ifPresent(id -> chosen.add(new Credential.ManagedIdentity("objectId", id)));
        in.identityResourceId().ifPresent(id -> chosen.add(new Credential.ManagedIdentity("resourceId", id)));
        if (in.userName().isPresent() && in.identityClientId().isPresent()) {
            chosen.add(chosen.get(0));
        }
        if (chosen.size() > 1) {
            throw new UsageException("Give at most one of --userName/--client-id, --object-id and --resource-id to "
                    + "choose a user-assigned managed identity.");
        }
        return chosen.isEmpty() ? new Credential.ManagedIdentity("system", null) : chosen.get(0);
    }
}
