package dev.m365.system;

import java.util.function.Supplier;

import sun.misc.Signal;
import sun.misc.SignalHandler;

/**
 * Makes Ctrl-C end an interactive wait cleanly: the first SIGINT interrupts the waiting thread (which then stores
 * nothing and exits with the "interrupted" code); a second one ends the process at once.
 */
public final class Interrupts {

    private Interrupts() {
    }

    public static <T> T interruptible(Supplier<T> wait) {
        Thread waiter = Thread.currentThread();
        Signal sigint = new Signal("INT");
        SignalHandler previous;
        try {
            previous = Signal.handle(sigint, new SignalHandler() {
                private boolean seen;

                @Override
                public synchronized void handle(Signal signal) {
                    if (seen) {
                        Runtime.getRuntime().halt(130);
                    }
                    seen = true;
                    waiter.interrupt();
                }
            });
        } catch (IllegalArgumentException e) {
            return wait.get(); // no SIGINT on this platform: the JVM's default handling applies
        }
        try {
            return wait.get();
        } finally {
            Signal.handle(sigint, previous);
            Thread.interrupted();
        }
    }
}
