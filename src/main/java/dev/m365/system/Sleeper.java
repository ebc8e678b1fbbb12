package dev.m365.system;

import java.time.Duration;

import dev.m365.error.CancelledException;

/** Waits that Ctrl-C can interrupt: polling intervals, retry back-off. */
public interface Sleeper {

    void sleep(Duration duration);

    Sleeper SYSTEM = duration -> {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new CancelledException("Interrupted; nothing was stored.");
        }
    };
}
