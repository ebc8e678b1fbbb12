package dev.m365.wiring;

import java.security.SecureRandom;
import java.time.Clock;
import java.util.List;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

import dev.m365.auth.SignInMethod;
import dev.m365.auth.SignInMethods;
import dev.m365.cli.Invocation;
import dev.m365.cli.Output;
import dev.m365.config.M365Config;
import dev.m365.config.Settings;
import dev.m365.http.HttpGateway;
import dev.m365.http.JaxRsHttpGateway;
import dev.m365.http.OidcTokenEndpoint;
import dev.m365.http.OutboundSettings;
import dev.m365.http.TokenEndpoint;
import dev.m365.http.TrustMaterial;
import dev.m365.config.Setting;
import io.quarkus.tls.TlsConfigurationRegistry;
import dev.m365.json.Json;
import dev.m365.log.Diagnostics;
import dev.m365.log.Redactor;
import dev.m365.output.Printer;
import dev.m365.service.M365Service;
import dev.m365.service.Services;
import dev.m365.store.ConnectionExport;
import dev.m365.store.ConnectionStore;
import dev.m365.store.Stores;
import dev.m365.system.Sleeper;
import dev.m365.system.BrowserLauncher;
import dev.m365.system.SecretInput;
import dev.m365.system.Terminal;
import dev.m365.system.WorkloadEnvironment;
import io.quarkus.arc.All;
import io.quarkus.oidc.client.OidcClients;
import io.smallrye.config.SmallRyeConfig;

/**
 * The CDI wiring of m365's plain-Java core. Everything that touches configuration, the store or the network is
 * {@code @ApplicationScoped}, so it is created at first use, inside a command, where a bad value becomes a one-line
 * error instead of a start-up failure.
 */
public class Beans {

    @Produces
    @Singleton
    Json json() {
        return new Json();
    }

    @Produces
    @Singleton
    Redactor redactor() {
        return new Redactor();
    }

    @Produces
    @Singleton
    Diagnostics diagnostics(Redactor redactor) {
        return new Diagnostics(redactor, System.err);
    }

    @Produces
    @Singleton
    Settings settings(M365Config config, SmallRyeConfig raw) {
        return new Settings(config, raw, System.getenv());
    }

    @Produces
    @Singleton
    Clock clock() {
        return Clock.systemUTC();
    }

    @Produces
    @Singleton
    SecureRandom random() {
        return new SecureRandom();
    }

    @Produces
    @Singleton
    Sleeper sleeper() {
        return Sleeper.SYSTEM;
    }

    @Produces
    @Singleton
    Terminal terminal() {
        return new Terminal(System.err);
    }

    @Produces
    @Singleton
    SecretInput secretInput(Redactor redactor) {
        return new SecretInput(System.in, System.console(), redactor);
    }

    @Produces
    @Singleton
    WorkloadEnvironment workloadEnvironment() {
        return new WorkloadEnvironment(System.getenv());
    }

    @Produces
    @Singleton
    BrowserLauncher browserLauncher() {
        return new BrowserLauncher(Optional.ofNullable(System.getenv("BROWSER")).filter(s -> !s.isBlank()),
                System.getProperty("os.name", ""), System.getenv("DISPLAY") != null
                        || System.getenv("WAYLAND_DISPLAY") != null);
    }

    @Produces
    @Singleton
    Invocation invocation(Settings settings, Diagnostics diagnostics) {
        return new Invocation(settings, diagnostics);
    }

    @Produces
    @Singleton
    Output output(Json json, Invocation invocation) {
        return new Output(new Printer(json, System.out), invocation);
    }

    @Produces
    @Singleton
    ConnectionExport connectionExport(Json json) {
        return new ConnectionExport(json);
    }

    @Produces
    @Singleton
    Services services(@All List<M365Service> services) {
        return new Services(services);
    }

    @Produces
    @Singleton
    SignInMethods signInMethods(@All List<SignInMethod> methods) {
        return new SignInMethods(methods);
    }

    @Produces
    @ApplicationScoped
    ConnectionStore store(Settings settings, Json json, SecureRandom random) {
        return Stores.open(settings, json, random, message -> {
            System.err.println(message);
            System.err.flush();
        });
    }

    @Produces
    @Singleton
    OutboundSettings outboundSettings(Settings settings) {
        var caFile = settings.tlsCaFile();
        return new OutboundSettings(settings.proxies(), settings.connectTimeout(), settings.requestTimeout(),
                TrustMaterial.withExtraAuthorities(caFile.map(Setting::value), caFile.map(Setting::origin).orElse("")));
    }

    @Produces
    @ApplicationScoped
    HttpGateway httpGateway(OutboundSettings settings, Diagnostics diagnostics, Sleeper sleeper) {
        return new JaxRsHttpGateway(settings, diagnostics, sleeper);
    }

    @Produces
    @ApplicationScoped
    TokenEndpoint tokenEndpoint(OidcClients clients, TlsConfigurationRegistry tls, OutboundSettings settings,
            HttpGateway http, Json json, Diagnostics diagnostics) {
        return new OidcTokenEndpoint(clients, tls, settings, http, json, diagnostics);
    }
}
