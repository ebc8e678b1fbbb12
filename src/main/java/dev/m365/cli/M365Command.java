package dev.m365.cli;

import io.quarkus.picocli.runtime.annotations.TopCommand;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

@TopCommand
@Command(name = "m365", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
        description = "Sign in to Microsoft 365 and Azure (Microsoft Entra ID), keep connections safe, hand out access tokens.",
        subcommands = { LoginCommand.class, StatusCommand.class, LogoutCommand.class, GetAccessTokenCommand.class, CommandLine.HelpCommand.class },
        footerHeading = "%nConfiguration:%n",
        footer = { "Options win over environment variables, which win over <config dir>/config.properties.",
                "M365_CONFIG_DIR moves the config dir (default ~/.m365). See the README for every key." })
public class M365Command implements Runnable {

    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }
}
