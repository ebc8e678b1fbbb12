package dev.m365.cli;

import jakarta.enterprise.inject.Vetoed;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code m365 <service>} on its own: shows the service's commands. */
@Vetoed
@Command(mixinStandardHelpOptions = true)
public class ServiceGroupCommand implements Runnable {

    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getErr());
    }
}
