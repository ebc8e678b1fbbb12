package dev.m365.cli;

import java.util.Optional;

import jakarta.enterprise.inject.Vetoed;

import dev.m365.auth.LoginService;
import dev.m365.auth.LoginTarget;
import dev.m365.auth.LoginOutcome;
import dev.m365.error.ExitCode;
import dev.m365.service.M365Service;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code m365 <service> login}: a login of the service's own, which serves it instead of the main connection. */
@Vetoed
@Command(name = "login", mixinStandardHelpOptions = true)
public class ServiceLoginCommand extends M365Subcommand {

    @Mixin
    LoginOptions login;

    @Spec
    CommandSpec spec;

    private final M365Service service;
    private final LoginService logins;

    public ServiceLoginCommand(M365Service service, Output output, LoginService logins) {
        super(output);
        this.service = service;
        this.logins = logins;
    }

    @Override
    protected int run() {
        Optional<String> argument = spec.positionalParameters().isEmpty() ? Optional.empty()
                : Optional.ofNullable(spec.positionalParameters().get(0).getValue());
        LoginOutcome outcome = logins.login(login.input(Optional.empty()), new LoginTarget.Service(service, argument));
        if (outcome.reused()) {
            output.note("Already signed in to " + service.name() + " as " + outcome.connection().identity().name()
                    + " (--ensure): nothing to do.");
        }
        output.print(ServiceView.ownLogin(service.name(), outcome.connection()));
        return ExitCode.OK.code();
    }
}
