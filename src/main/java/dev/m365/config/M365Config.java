package dev.m365.config;

import java.util.Optional;

import io.smallrye.config.ConfigMapping;

/**
 * Everything m365 reads from configuration (precedence: option > environment > config file in the config dir >
 * built-in default). Values arrive as text and are checked by {@link Settings}, so a garbage value gets one line that
 * names its source and the fix, instead of a start-up failure. Environment names: SmallRye's mapping of each key
 * ({@code m365.app-id} is {@code M365_APP_ID}) plus the peers' names in {@link PeerEnvironment}.
 */
@ConfigMapping(prefix = "m365")
public interface M365Config {

    /** Folder for everything m365 keeps (env {@code M365_CONFIG_DIR}); default {@code ~/.m365}. */
    Optional<String> configDir();

    /** App (client) id to sign in with. */
    Optional<String> appId();

    /** Tenant: common, organizations, consumers, a GUID or a domain. */
    Optional<String> tenant();

    /** Cloud: Public, USGov, USGovHigh, USGovDoD, China. */
    Optional<String> cloud();

    /** Authority host overriding the cloud's, e.g. for a test identity provider. */
    Optional<String> authorityHost();

    /** Default sign-in method (deviceCode when unset). */
    Optional<String> authType();

    /** The named connection commands use instead of the active one (env {@code M365_CONNECTION}). */
    Optional<String> connection();

    /** Default output format. */
    Optional<String> output();

    /** Verbose diagnostics on stderr (true/false). */
    Optional<String> verbose();

    /** Debug diagnostics on stderr, secrets redacted (true/false). */
    Optional<String> debug();

    Proxy proxy();

    Store store();

    Http http();

    Browser browser();

    Tls tls();

    interface Tls {
        /** PEM file of extra CA certificates to trust (a TLS-inspecting proxy's CA, a private PKI). */
        Optional<String> caFile();
    }

    interface Browser {
        /** How long the browser sign-in waits, e.g. 5m. */
        Optional<String> timeout();

        /** Host of the loopback redirect URI: localhost (default; what the default app registers) or 127.0.0.1. */
        Optional<String> redirectHost();
    }

    interface Proxy {
        /** Proxy for https URLs, e.g. http://user:password@proxy:3128. */
        Optional<String> https();

        /** Proxy for http URLs. */
        Optional<String> http();

        /** Hosts reached directly: comma-separated names, .domain suffixes, IPs, CIDR ranges or *. */
        Optional<String> noProxy();
    }

    interface Store {
        /** file (default): the encrypted file; secret-volume: a mounted Kubernetes Secret. */
        Optional<String> backend();

        /** Where the Secret is mounted (secret-volume). */
        Optional<String> secretDir();

        /** A writable folder (an emptyDir) for refreshed tokens (secret-volume); none: memory only. */
        Optional<String> cacheDir();

        /** auto (default), on (required) or off: whether the key lives in the OS password store. */
        Optional<String> keyring();

        /** How long a keyring call may take, e.g. 3s. */
        Optional<String> keyringTimeout();

        /** Base64 of the 32-byte store key (containers, CI). */
        Optional<String> key();

        /** File holding the base64 store key. */
        Optional<String> keyFile();

        /** How long to wait for another m365 process holding the store lock, e.g. 30s. */
        Optional<String> lockTimeout();
    }

    interface Http {
        /** Connect timeout for every outbound call, e.g. 10s. */
        Optional<String> connectTimeout();

        /** Whole-request timeout for every outbound call, e.g. 60s. */
        Optional<String> timeout();
    }
}
