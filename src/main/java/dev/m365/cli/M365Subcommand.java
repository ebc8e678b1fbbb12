package dev.m365.cli;

import java.util.concurrent.Callable;

import picocli.CommandLine.Mixin;

/** A runnable command: applies the global options, then does its one job. */
public abstract class M365Subcommand implements Callable<Integer> {

    @Mixin
    GlobalOptions global;

    protected final Output output;

    protected M365Subcommand(Output output) {
        this.output = output;
    }

    @Override
    public final Integer call() {
        output.begin(global);
        return run();
    }

    /** Returns the exit code; failures are thrown as {@link dev.m365.error.M365Exception}s. */
    protected abstract int run();
}
