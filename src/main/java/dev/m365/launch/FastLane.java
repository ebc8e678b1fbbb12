package dev.m365.launch;

import java.util.List;
import java.util.concurrent.atomic.AtomicReference;

import dev.m365.auth.BrowserSignIn;
import dev.m365.auth.CertificateSignIn;
import dev.m365.auth.DeviceCodeSignIn;
import dev.m365.auth.FederatedIdentitySignIn;
import dev.m365.auth.ManagedIdentitySignIn;
import dev.m365.auth.PasswordSignIn;
import dev.m365.auth.SecretSignIn;
import dev.m365.auth.SelectedConnection;
import dev.m365.auth.SignInMethod;
import dev.m365.auth.SilentRenewal;
import dev.m365.auth.TokenRenewal;
import dev.m365.cli.CommandTree;
import dev.m365.cli.Invocation;
import dev.m365.config.M365Config;
import dev.m365.config.Settings;
import dev.m365.http.HttpGateway;
import dev.m365.http.TokenEndpoint;
import dev.m365.service.AzureAdGraphService;
import dev.m365.service.AzureManagementService;
import dev.m365.service.GraphService;
import dev.m365.service.M365Service;
import dev.m365.service.OfficeManagementService;
import dev.m365.service.SharePointService;
import dev.m365.service.YammerService;
import dev.m365.wiring.PlainWiring;
import io.smallrye.config.SmallRyeConfig;
import picocli.CommandLine;

/**
 * m365's entry point ({@code bin/m365}, the container image). Booting Quarkus (CDI, Vert.x, the REST and OIDC
 * clients) costs most of a second; a cached token does not need any of it. So the command line is first parsed and
 * run by the same command classes wired by hand ({@link PlainWiring}) with no network: help, version, and the commands
 * that read the store ({@link FastCommands}). When the run needs more — the network, a command that changes state,
 * diagnostics, or anything unexpected — it exits with {@link #HAND_OVER}, having printed and stored nothing, and
 * {@code bin/m365} runs the same command line in Quarkus.
 */
public final class FastLane {

    /** The beans CDI finds for {@code @All List<M365Service>} (FastLaneWiringTest keeps the two lists equal). */
    static final List<Class<?>> SERVICES = List.of(AzureAdGraphService.class, AzureManagementService.class,
            GraphService.class, OfficeManagementService.class, SharePointService.class, YammerService.class);

    /** The beans CDI finds for {@code @All List<SignInMethod>}. */
    static final List<Class<?>> SIGN_IN_METHODS = List.of(BrowserSignIn.class, CertificateSignIn.class,
            DeviceCodeSignIn.class, FederatedIdentitySignIn.class, ManagedIdentitySignIn.class, PasswordSignIn.class,
            SecretSignIn.class);

    private FastLane() {
    }

    /**
     * The exit code that asks {@code bin/m365} to run the same command line in Quarkus. Quarkus starts in a JVM of its
     * own: its class loader must not find the application's classes on the class path this JVM was started with.
     */
    public static final int HAND_OVER = 199;

    public static void main(String[] args) {
        int exitCode;
        try {
            exitCode = run(args);
        } catch (RuntimeException | LinkageError needsQuarkus) {
            exitCode = HAND_OVER;
        }
        System.exit(exitCode);
    }

    /** Runs the command in the fast lane, or throws (a {@link HandOver}, or a failure Quarkus will report properly). */
    static int run(String[] args) {
        PlainWiring wiring = wiring(StandaloneConfig.load());
        CommandLine commandLine = wiring.get(CommandTree.class).build();
        Settings settings = wiring.get(Settings.class);
        // picocli reports whatever escapes a strategy as a failure of the command: the hand-over is carried out instead.
        AtomicReference<HandOver> handOver = new AtomicReference<>();
        commandLine.setExecutionStrategy(parsed -> {
            if (settings.debug() || settings.verbose() || !FastCommands.serves(parsed)) {
                handOver.set(new HandOver("not a fast-lane command"));
                return 0;
            }
            try {
                return new CommandLine.RunLast().execute(parsed);
            } catch (CommandLine.ExecutionException e) {
                if (e.getCause() instanceof HandOver cause) {
                    handOver.set(cause);
                    return 0;
                }
                throw e;
            }
        });
        int exitCode;
        try {
            exitCode = commandLine.execute(args);
        } finally {
            commandLine.getOut().flush();
            commandLine.getErr().flush();
        }
        if (handOver.get() != null) {
            throw handOver.get();
        }
        return exitCode;
    }

    static PlainWiring wiring(SmallRyeConfig config) {
        DeferredNetwork network = new DeferredNetwork();
        PlainWiring wiring = new PlainWiring();
        return wiring.bind(SmallRyeConfig.class, () -> config)
                .bind(M365Config.class, () -> config.getConfigMapping(M365Config.class))
                .bind(HttpGateway.class, () -> network)
                .bind(TokenEndpoint.class, () -> network)
                .bind(TokenRenewal.class, () -> wiring.get(SilentRenewal.class))
                .bind(SelectedConnection.class, () -> wiring.get(Invocation.class))
                .bindAll(M365Service.class, SERVICES)
                .bindAll(SignInMethod.class, SIGN_IN_METHODS);
    }
}
