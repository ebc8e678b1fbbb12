package dev.m365.launch;

import java.util.Set;

import dev.m365.cli.AccountCommands;
import dev.m365.cli.CliCommands;
import dev.m365.cli.ConnectionCommands;
import dev.m365.cli.GetAccessTokenCommand;
import dev.m365.cli.M365Command;
import dev.m365.cli.ServiceGroupCommand;
import dev.m365.cli.ServiceStatusCommand;
import dev.m365.cli.StatusCommand;
import picocli.CommandLine;
import picocli.CommandLine.ParseResult;

/**
 * The commands the fast lane may run: help and version of any command, and the commands that only read the store
 * until they need the network (which hands over before anything is printed or written). Everything else, and every
 * run with diagnostics on (so they are printed once, by the full application), goes to Quarkus straight away.
 */
final class FastCommands {

    private static final Set<Class<?>> READ_ONLY = Set.of(StatusCommand.class, ServiceStatusCommand.class,
            GetAccessTokenCommand.class, AccountCommands.List.class, AccountCommands.Show.class,
            ConnectionCommands.List.class, M365Command.class, ServiceGroupCommand.class, AccountCommands.class,
            ConnectionCommands.class, CliCommands.class, CommandLine.HelpCommand.class);

    private FastCommands() {
    }

    static boolean serves(ParseResult parsed) {
        ParseResult last = parsed;
        for (ParseResult level = parsed; level != null; level = level.subcommand()) {
            if (level.hasMatchedOption("--debug") || level.hasMatchedOption("--verbose")) {
                return false;
            }
            if (level.isUsageHelpRequested() || level.isVersionHelpRequested()) {
                return true;
            }
            last = level;
        }
        Object command = last.commandSpec().userObject();
        return command != null && READ_ONLY.contains(command.getClass());
    }
}
