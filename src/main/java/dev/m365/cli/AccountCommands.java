package dev.m365.cli;

import java.util.Optional;

import com.fasterxml.jackson.databind.JsonNode;

import dev.m365.azure.AzureSubscriptions;
import dev.m365.connection.AzureAccount;
import dev.m365.connection.Connection;
import dev.m365.connection.StoreData;
import dev.m365.error.ExitCode;
import dev.m365.error.UsageException;
import dev.m365.store.ConnectionStore;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code m365 account ...}: Azure subscriptions and tenants, as the Azure CLI and the xplat CLI manage them. */
@Command(name = "account", mixinStandardHelpOptions = true,
        description = "Azure subscriptions and tenants of the connection (Azure CLI `az account`).",
        subcommands = { AccountCommands.List.class, AccountCommands.Show.class, AccountCommands.Set.class,
                AccountCommands.Clear.class, AccountCommands.Tenant.class, GetAccessTokenCommand.class })
public class AccountCommands implements Runnable {

    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getErr());
    }


    @Command(name = "list", mixinStandardHelpOptions = true,
            description = "List the subscriptions (fetched from Resource Manager when first needed, then cached).")
    public static class List extends M365Subcommand {

        @Option(names = "--refresh", description = "Fetch the subscriptions again.")
        boolean refresh;

        @Option(names = "--all", description = "Include subscriptions that are not enabled.")
        boolean all;

        private final AzureSubscriptions subscriptions;

        public List(Output output, AzureSubscriptions subscriptions) {
            super(output);
            this.subscriptions = subscriptions;
        }

        @Override
        protected int run() {
            Connection connection = subscriptions.connection();
            AzureAccount account = subscriptions.account(connection, refresh);
            output.print(account.subscriptions().stream().filter(s -> all || "Enabled".equalsIgnoreCase(s.state()))
                    .map(s -> AccountView.of(s, account, connection)).toList());
            return ExitCode.OK.code();
        }
    }

    @Command(name = "show", mixinStandardHelpOptions = true, description = "Show the default subscription, or the one named.")
    public static class Show extends M365Subcommand {

        @Option(names = { "-s", "--subscription", "-n", "--name" }, paramLabel = "<name|id>", description = "Subscription to show.")
        String subscription;

        private final AzureSubscriptions subscriptions;

        public Show(Output output, AzureSubscriptions subscriptions) {
            super(output);
            this.subscriptions = subscriptions;
        }

        @Override
        protected int run() {
            Connection connection = subscriptions.connection();
            AzureAccount account = subscriptions.account(connection, false);
            AzureAccount.Subscription shown = subscription != null ? subscriptions.find(connection, subscription)
                    : account.defaultSubscription().orElseThrow(() -> new UsageException(connection.identity().name()
                            + " has no Azure subscription: see `m365 account list --all`."));
            output.print(AccountView.of(shown, subscriptions.account(connection, false), connection));
            return ExitCode.OK.code();
        }
    }

    @Command(name = "set", mixinStandardHelpOptions = true,
            description = "Choose the default subscription by name or id (`--subscription` on a command overrides it).")
    public static class Set extends M365Subcommand {

        @Option(names = { "-s", "--subscription", "-n", "--name" }, paramLabel = "<name|id>", description = "Subscription.")
        String subscription;

        @Parameters(arity = "0..1", paramLabel = "<name|id>", description = "Subscription (the xplat CLI's spelling).")
        String positional;

        private final AzureSubscriptions subscriptions;

        public Set(Output output, AzureSubscriptions subscriptions) {
            super(output);
            this.subscriptions = subscriptions;
        }

        @Override
        protected int run() {
            String wanted = Optional.ofNullable(subscription).or(() -> Optional.ofNullable(positional))
                    .orElseThrow(() -> new UsageException("Name the subscription: m365 account set --subscription <name|id>."));
            Connection connection = subscriptions.connection();
            subscriptions.setDefault(connection, wanted);
            return ExitCode.OK.code();
        }
    }

    @Command(name = "clear", mixinStandardHelpOptions = true,
            description = "Remove every connection and its subscriptions, as `az account clear` does (same as `m365 logout --all`).")
    public static class Clear extends M365Subcommand {

        private final ConnectionStore store;

        public Clear(Output output, ConnectionStore store) {
            super(output);
            this.store = store;
        }

        @Override
        protected int run() {
            store.update(data -> StoreData.empty());
            return ExitCode.OK.code();
        }
    }

    @Command(name = "tenant", mixinStandardHelpOptions = true, description = "Tenants the connection can use.",
            subcommands = TenantList.class)
    public static class Tenant implements Runnable {
        @Spec
        CommandSpec spec;

        @Override
        public void run() {
            spec.commandLine().usage(spec.commandLine().getErr());
        }
    }

    @Command(name = "list", mixinStandardHelpOptions = true, description = "List the tenants (Resource Manager /tenants).")
    public static class TenantList extends M365Subcommand {

        private final AzureSubscriptions subscriptions;

        public TenantList(Output output, AzureSubscriptions subscriptions) {
            super(output);
            this.subscriptions = subscriptions;
        }

        @Override
        protected int run() {
            java.util.List<JsonNode> tenants = subscriptions.tenants(subscriptions.connection());
            output.print(tenants);
            return ExitCode.OK.code();
        }
    }
}
