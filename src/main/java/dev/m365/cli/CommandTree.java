package dev.m365.cli;

import java.util.LinkedHashMap;
import java.util.Map;

import jakarta.inject.Singleton;

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

    public CommandTree(CommandLine.IFactory factory, Services services, ServiceCommands serviceCommands,
            ErrorReporter errors) {
        this.factory = factory;
        this.services = services;
        this.serviceCommands = serviceCommands;
        this.errors = errors;
    }

    public CommandLine build() {
        CommandLine root = new CommandLine(M365Command.class, factory);
        for (M365Service service : services.all()) {
            root.addSubcommand(service.name(), serviceCommands.group(service, factory));
        }
        Map<String, String> exitCodes = new LinkedHashMap<>();
        for (ExitCode code : ExitCode.values()) {
            exitCodes.put(String.format("%3d", code.code()), code.meaning());
        }
        root.getCommandSpec().usageMessage().exitCodeListHeading("%nExit codes:%n").exitCodeList(exitCodes);
        root.setExecutionExceptionHandler(errors);
        root.setParameterExceptionHandler(errors);
        root.setAbbreviatedOptionsAllowed(false);
        return root;
    }
}
