package dev.m365.cli;

import java.util.LinkedHashMap;
import java.util.Map;

import jakarta.inject.Singleton;

import dev.m365.config.Settings;
import dev.m365.error.ExitCode;
import dev.m365.service.M365Service;
import dev.m365.service.Services;
import picocli.CommandLine;

/** The whole command line: the fixed commands, one group per service bean, the exit-code table and error handling. */
@Singleton
public class CommandTree {

    private final CommandLine.IFactory factory;
    private final Services services;
    private final ServiceCommands serviceCommands;
    private final ErrorReporter errors;
    private final Settings settings;

    public CommandTree(CommandLine.IFactory factory, Services services, ServiceCommands serviceCommands,
            ErrorReporter errors, Settings settings) {
        this.factory = factory;
        this.services = services;
        this.serviceCommands = serviceCommands;
        this.errors = errors;
        this.settings = settings;
    }

    private CommandLine group(String name, String description) {
        CommandLine group = new CommandLine(new ServiceGroupCommand(), factory);
        group.getCommandSpec().name(name);
        group.getCommandSpec().usageMessage().description(description);
        return group;
    }

    public CommandLine build() {
        CommandLine root = new CommandLine(new M365Command(settings), factory);
        for (M365Service service : services.all()) {
            root.addSubcommand(service.name(), serviceCommands.group(service, factory));
        }
        // The CLI for Microsoft 365 spells get-access-token `m365 util accesstoken get`.
        CommandLine accessToken = group("accesstoken", "Access tokens (CLI for Microsoft 365 spelling).");
        accessToken.addSubcommand("get", new CommandLine(GetAccessTokenCommand.class, factory));
        CommandLine util = group("util", "Utilities (CLI for Microsoft 365 spelling).");
        util.addSubcommand("accesstoken", accessToken);
        root.addSubcommand("util", util);
        Map<String, String> exitCodes = new LinkedHashMap<>();
        for (ExitCode code : ExitCode.values()) {
            exitCodes.put(String.format("%3d", code.code()), code.meaning());
        }
        root.getCommandSpec().usageMessage().exitCodeListHeading("%nExit codes:%n").exitCodeList(exitCodes);
        root.setExecutionExceptionHandler(errors);
        root.setUsageHelpAutoWidth(true);
        root.setParameterExceptionHandler(errors);
        root.setAbbreviatedOptionsAllowed(false);
        // `--body @file` is the CLI for Microsoft 365's syntax: picocli must not expand @files itself.
        root.setExpandAtFiles(false);
        return root;
    }
}
