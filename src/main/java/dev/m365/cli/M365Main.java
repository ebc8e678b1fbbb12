package dev.m365.cli;

import io.quarkus.runtime.QuarkusApplication;
import io.quarkus.runtime.annotations.QuarkusMain;
import picocli.CommandLine;

@QuarkusMain
public class M365Main implements QuarkusApplication {

    private final CommandTree tree;

    public M365Main(CommandTree tree) {
        this.tree = tree;
    }

    @Override
    public int run(String... args) {
        CommandLine commandLine = tree.build();
        try {
            return commandLine.execute(args);
        } finally {
            commandLine.getOut().flush();
            commandLine.getErr().flush();
        }
    }
}
