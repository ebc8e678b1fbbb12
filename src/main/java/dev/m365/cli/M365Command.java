package dev.m365.cli;

import io.quarkus.picocli.runtime.annotations.TopCommand;
import picocli.CommandLine;
import dev.m365.config.Settings;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

@TopCommand
@Command(name = "m365", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
        description = "Sign in to Microsoft 365 and Azure (Microsoft Entra ID), keep connections safe, hand out access tokens.",
        subcommands = { LoginCommand.class, StatusCommand.class, LogoutCommand.class, GetAccessTokenCommand.class,
                RequestCommand.class, AccountCommands.class, ConnectionCommands.class, CliCommands.class,
                CommandLine.HelpCommand.class },
        footerHeading = "%nConfiguration:%n",
        footer = { "Options win over environment variables, which win over <config dir>/config.properties.",
                "M365_CONFIG_DIR moves the config dir (default ~/.m365). See the README for every key." })
public class M365Command implements Runnable {

    @Spec
    CommandSpec spec;

    @Option(names = "--reconsent", description = "Print the URL an admin opens to (re-)consent the configured app (seed 000).")
    boolean reconsent;

    private final Settings settings;

    public M365Command(Settings settings) {
        this.settings = settings;
    }

    @Override
    public void run() {
        if (reconsent) {
            spec.commandLine().getOut().println(CliCommands.ConsentLink.of(settings).text());
            return;
        }
        spec.commandLine().usage(spec.commandLine().getOut());
    }
}
