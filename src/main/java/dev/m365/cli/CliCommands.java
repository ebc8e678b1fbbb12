package dev.m365.cli;

import java.util.Optional;

import com.fasterxml.jackson.annotation.JsonIgnore;

import dev.m365.auth.Authority;
import dev.m365.config.Cloud;
import dev.m365.config.Settings;
import dev.m365.error.ExitCode;
import dev.m365.output.TextForm;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code m365 cli ...}: about m365 itself. */
@Command(name = "cli", mixinStandardHelpOptions = true, description = "About m365 itself: diagnostics and app consent.",
        subcommands = { CliCommands.DoctorCommand.class, CliCommands.Reconsent.class })
public class CliCommands implements Runnable {

    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getErr());
    }

    /** The admin consent URL for the configured app, tenant and cloud. */
    record ConsentLink(String url, @JsonIgnore String appId) implements TextForm {
        static ConsentLink of(Settings settings) {
            Cloud cloud = settings.cloud(Optional.empty()).value();
            String appId = settings.appId(Optional.empty()).value();
            Authority authority = new Authority(settings.authorityHost(cloud).value(),
                    settings.tenant(Optional.empty()).value());
            return new ConsentLink(authority.adminConsentUrl(appId).toString(), appId);
        }

        @Override
        public String text() {
            return "To (re-)consent app " + appId + " in your tenant, have an admin open this URL:\n" + url;
        }
    }

    @Command(name = "doctor", mixinStandardHelpOptions = true,
            description = "Report OS, Java, m365, the app id and tenant and where they come from, cloud, proxy, config dir, "
                    + "store and key protection, and connections. Never prints a secret.")
    public static class DoctorCommand extends M365Subcommand {
        private final Doctor doctor;

        public DoctorCommand(Output output, Doctor doctor) {
            super(output);
            this.doctor = doctor;
        }

        @Override
        protected int run() {
            output.print(doctor.report());
            return ExitCode.OK.code();
        }
    }

    @Command(name = "reconsent", mixinStandardHelpOptions = true,
            description = "Print the URL an admin opens to grant (again) the configured app's permissions (also `m365 --reconsent`).")
    public static class Reconsent extends M365Subcommand {
        private final Settings settings;

        public Reconsent(Output output, Settings settings) {
            super(output);
            this.settings = settings;
        }

        @Override
        protected int run() {
            output.print(ConsentLink.of(settings));
            return ExitCode.OK.code();
        }
    }
}
