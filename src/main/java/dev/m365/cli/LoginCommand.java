package dev.m365.cli;

import java.util.Optional;

import dev.m365.auth.LoginService;
import dev.m365.auth.LoginTarget;
import dev.m365.auth.LoginOutcome;
import dev.m365.error.ExitCode;
import dev.m365.store.ConnectionStore;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@Command(name = "login", mixinStandardHelpOptions = true,
        description = "Sign in to Microsoft 365 and Azure. The connection serves every service without a login of its own.")
public class LoginCommand extends M365Subcommand {

    @Mixin
    LoginOptions login;

    @Option(names = "--connectionName", paramLabel = "<name>",
            description = "Name for this connection (default: the user or app it signs in as).")
    String connectionName;

    private final LoginService logins;
    private final ConnectionStore store;

    public LoginCommand(Output output, LoginService logins, ConnectionStore store) {
        super(output);
        this.logins = logins;
        this.store = store;
    }

    @Override
    protected int run() {
        LoginOutcome outcome = logins.login(login.input(Optional.ofNullable(connectionName)), new LoginTarget.Main());
        if (outcome.reused()) {
            output.note("Already signed in as " + outcome.connection().identity().name() + " (--ensure): nothing to do.");
        }
        output.print(ConnectionView.of(outcome.connection(), store.read().services()));
        return ExitCode.OK.code();
    }
}
