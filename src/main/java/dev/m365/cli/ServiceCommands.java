package dev.m365.cli;

import jakarta.inject.Singleton;

import dev.m365.auth.LoginService;
import dev.m365.service.M365Service;
import dev.m365.store.ConnectionStore;
import picocli.CommandLine;
import picocli.CommandLine.Model.PositionalParamSpec;

/** Builds {@code m365 <service> login|status|logout} from a service bean. */
@Singleton
public class ServiceCommands {

    private final Output output;
    private final LoginService logins;
    private final ConnectionStore store;

    public ServiceCommands(Output output, LoginService logins, ConnectionStore store) {
        this.output = output;
        this.logins = logins;
        this.store = store;
    }

    public CommandLine group(M365Service service, CommandLine.IFactory factory) {
        CommandLine group = new CommandLine(new ServiceGroupCommand(), factory);
        group.getCommandSpec().name(service.name());
        group.getCommandSpec().usageMessage().description("Log in to " + service.title() + ", check and end that login.");

        CommandLine login = new CommandLine(new ServiceLoginCommand(service, output, logins), factory);
        login.getCommandSpec().usageMessage().description("Sign in to " + service.title()
                + " with a login of its own (another account is fine); without it, `m365 login` serves it.");
        service.loginArgument().ifPresent(argument -> login.getCommandSpec().addPositional(
                PositionalParamSpec.builder().paramLabel(argument.label()).description(argument.description())
                        .arity("1").type(String.class).build()));
        group.addSubcommand("login", login);

        CommandLine status = new CommandLine(new ServiceStatusCommand(service, output, store), factory);
        status.getCommandSpec().usageMessage().description("Show who serves " + service.title()
                + ": its own login, or the main connection. Exit code 3 when neither exists.");
        group.addSubcommand("status", status);

        CommandLine logout = new CommandLine(new ServiceLogoutCommand(service, output, store), factory);
        logout.getCommandSpec().usageMessage().description("End " + service.title()
                + "'s own login; the main connection stays.");
        group.addSubcommand("logout", logout);
        return group;
    }
}
