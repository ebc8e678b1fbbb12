package dev.m365.config;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

import dev.m365.error.UsageException;
import dev.m365.http.ProxyRules;
import dev.m365.http.ProxyServer;
import io.smallrye.config.ConfigValue;
import io.smallrye.config.SmallRyeConfig;

/**
 * The checked view of {@link M365Config}: every value parsed, every failure one line naming the value's source and
 * the fix. Options given on the command line are passed in and win over configuration.
 */
public class Settings {

    /** The Azure CLI's multi-tenant public client: works in most tenants without registering an app. */
    public static final String DEFAULT_APP_ID = "04b07795-8ddb-461a-bbee-02f9e1bf7b46";

    private final M365Config config;
    private final SmallRyeConfig raw;
    private final Map<String, String> environment;
    private final PeerEnvironment peers;

    public Settings(M365Config config, SmallRyeConfig raw, Map<String, String> environment) {
        this.config = config;
        this.raw = raw;
        this.environment = environment;
        this.peers = new PeerEnvironment(environment);
    }

    public Path configDir() {
        return ConfigDirectory.resolve(config.configDir().orElse(null), environment);
    }

    public Setting<String> appId(Optional<String> option) {
        return appId(option, "--appId");
    }

    /** The app id from {@code value} (named {@code origin}) when given, else from configuration, else the default. */
    public Setting<String> appId(Optional<String> value, String origin) {
        Setting<String> appId = pick(value, origin, "m365.app-id", config.appId(), DEFAULT_APP_ID);
        if (!appId.value().strip().matches("[0-9A-Fa-f]{8}-[0-9A-Fa-f]{4}-[0-9A-Fa-f]{4}-[0-9A-Fa-f]{4}-[0-9A-Fa-f]{12}")) {
            throw new UsageException(appId.origin() + " '" + appId.value()
                    + "' is not an app id: give the application (client) id GUID of an app registration.");
        }
        return new Setting<>(appId.value().strip().toLowerCase(Locale.ROOT), appId.origin());
    }

    public Setting<Tenant> tenant(Optional<String> option) {
        return tenant(option, "--tenant");
    }

    public Setting<Tenant> tenant(Optional<String> value, String origin) {
        Setting<String> tenant = pick(value, origin, "m365.tenant", config.tenant(), "common");
        return new Setting<>(Tenant.parse(tenant.value(), tenant.origin()), tenant.origin());
    }

    public Setting<Cloud> cloud(Optional<String> option) {
        Setting<String> cloud = pick(option, "--cloud", "m365.cloud", config.cloud(), Cloud.Public.name());
        return new Setting<>(Cloud.parse(cloud.value(), cloud.origin()), cloud.origin());
    }

    /** The authority host: {@code AZURE_AUTHORITY_HOST} / {@code m365.authority-host} when set, else the cloud's. */
    public Setting<URI> authorityHost(Cloud cloud) {
        Optional<String> configured = config.authorityHost().filter(s -> !s.isBlank());
        if (configured.isEmpty()) {
            return new Setting<>(cloud.authorityHost(), "cloud " + cloud.name());
        }
        String origin = origin("m365.authority-host");
        return new Setting<>(SecureUrls.parse(configured.get(), origin), origin);
    }

    public ProxyRules proxies() {
        return new ProxyRules(proxy("m365.proxy.https", config.proxy().https()),
                proxy("m365.proxy.http", config.proxy().http()), config.proxy().noProxy().orElse(""));
    }

    private Optional<ProxyServer> proxy(String key, Optional<String> value) {
        return value.filter(v -> !v.isBlank()).map(v -> ProxyServer.parse(v, origin(key)));
    }

    public Duration lockTimeout() {
        return duration("m365.store.lock-timeout", config.store().lockTimeout(), Duration.ofSeconds(30));
    }

    public Duration connectTimeout() {
        return duration("m365.http.connect-timeout", config.http().connectTimeout(), Duration.ofSeconds(10));
    }

    public Duration requestTimeout() {
        return duration("m365.http.timeout", config.http().timeout(), Duration.ofSeconds(60));
    }

    public Optional<Setting<String>> authType() {
        return config.authType().filter(s -> !s.isBlank()).map(v -> new Setting<>(v, origin("m365.auth-type")));
    }

    public Duration browserTimeout() {
        return duration("m365.browser.timeout", config.browser().timeout(), Duration.ofMinutes(5));
    }

    public String browserRedirectHost() {
        String host = config.browser().redirectHost().filter(s -> !s.isBlank()).orElse("localhost").strip();
        if (!host.equals("localhost") && !host.equals("127.0.0.1")) {
            throw new UsageException(origin("m365.browser.redirect-host") + " '" + host
                    + "' is invalid: use localhost or 127.0.0.1.");
        }
        return host;
    }

    public Optional<Setting<java.nio.file.Path>> tlsCaFile() {
        return config.tls().caFile().filter(s -> !s.isBlank())
                .map(v -> new Setting<>(java.nio.file.Path.of(v.strip()), origin("m365.tls.ca-file")));
    }

    public enum StoreBackend {
        FILE,
        SECRET_VOLUME
    }

    public StoreBackend storeBackend() {
        String value = config.store().backend().filter(v -> !v.isBlank()).orElse("file").strip().toLowerCase(Locale.ROOT);
        return switch (value) {
            case "file", "encrypted-file" -> StoreBackend.FILE;
            case "secret-volume" -> StoreBackend.SECRET_VOLUME;
            default -> throw new UsageException(origin("m365.store.backend") + " '" + value
                    + "' is not a store backend: use file or secret-volume.");
        };
    }

    public Path storeSecretDir() {
        return Path.of(config.store().secretDir().filter(v -> !v.isBlank()).orElse("/var/run/secrets/m365").strip());
    }

    public Optional<Path> storeCacheDir() {
        return config.store().cacheDir().filter(v -> !v.isBlank()).map(v -> Path.of(v.strip()));
    }

    public dev.m365.store.LocalStoreKey.Keyring keyringMode() {
        String value = config.store().keyring().filter(v -> !v.isBlank()).orElse("auto").strip().toLowerCase(Locale.ROOT);
        return switch (value) {
            case "auto" -> dev.m365.store.LocalStoreKey.Keyring.AUTO;
            case "on", "true", "required" -> dev.m365.store.LocalStoreKey.Keyring.REQUIRED;
            case "off", "false" -> dev.m365.store.LocalStoreKey.Keyring.OFF;
            default -> throw new UsageException(origin("m365.store.keyring") + " '" + value + "' is invalid: use auto, on or off.");
        };
    }

    public Duration keyringTimeout() {
        return duration("m365.store.keyring-timeout", config.store().keyringTimeout(), Duration.ofSeconds(3));
    }

    public Optional<Setting<String>> storeKey() {
        return config.store().key().filter(s -> !s.isBlank()).map(v -> new Setting<>(v, origin("m365.store.key")));
    }

    public Optional<Setting<Path>> storeKeyFile() {
        return config.store().keyFile().filter(s -> !s.isBlank())
                .map(v -> new Setting<>(Path.of(v), origin("m365.store.key-file")));
    }

    public boolean debug() {
        return flag("m365.debug", config.debug());
    }

    public boolean verbose() {
        return flag("m365.verbose", config.verbose());
    }

    public Optional<String> connection() {
        return config.connection().filter(s -> !s.isBlank()).map(String::strip);
    }

    public Optional<String> output() {
        return config.output().filter(s -> !s.isBlank());
    }

    public String origin(String key) {
        ConfigValue value = raw.getConfigValue(key);
        return value == null || value.getValue() == null ? key : ConfigOrigins.describe(key, value, peers);
    }

    private Setting<String> pick(Optional<String> option, String optionName, String key, Optional<String> configured,
            String fallback) {
        if (option.isPresent()) {
            return new Setting<>(option.get(), optionName.startsWith("-") ? "option " + optionName : optionName);
        }
        Optional<String> value = configured.filter(s -> !s.isBlank());
        return value.map(v -> new Setting<>(v, origin(key))).orElseGet(() -> new Setting<>(fallback, "default"));
    }

    private boolean flag(String key, Optional<String> value) {
        return value.map(v -> parse(key, v, s -> {
            String t = s.strip().toLowerCase(Locale.ROOT);
            if (t.equals("true") || t.equals("1") || t.equals("yes")) {
                return true;
            }
            if (t.equals("false") || t.equals("0") || t.equals("no") || t.isEmpty()) {
                return false;
            }
            throw new IllegalArgumentException();
        }, "use true or false")).orElse(false);
    }

    private Duration duration(String key, Optional<String> value, Duration fallback) {
        return value.filter(s -> !s.isBlank()).map(v -> parse(key, v, Settings::parseDuration,
                "use a duration such as 30s, 2m or PT30S")).orElse(fallback);
    }

    static Duration parseDuration(String text) {
        String t = text.strip().toLowerCase(Locale.ROOT);
        Duration d;
        if (t.matches("\\d+ms")) {
            d = Duration.ofMillis(Long.parseLong(t.substring(0, t.length() - 2)));
        } else if (t.matches("\\d+[smh]?")) {
            char unit = Character.isDigit(t.charAt(t.length() - 1)) ? 's' : t.charAt(t.length() - 1);
            long n = Long.parseLong(Character.isDigit(unit) ? t : t.replaceAll("[smh]$", ""));
            d = unit == 'm' ? Duration.ofMinutes(n) : unit == 'h' ? Duration.ofHours(n) : Duration.ofSeconds(n);
        } else {
            try {
                d = Duration.parse(text.strip().toUpperCase(Locale.ROOT));
            } catch (DateTimeParseException e) {
                throw new IllegalArgumentException(e);
            }
        }
        if (d.isNegative() || d.isZero()) {
            throw new IllegalArgumentException("not positive");
        }
        return d;
    }

    private <T> T parse(String key, String value, Function<String, T> parser, String fix) {
        try {
            return parser.apply(value);
        } catch (RuntimeException e) {
            throw new UsageException(origin(key) + " '" + value + "' is invalid: " + fix + ".");
        }
    }
}
