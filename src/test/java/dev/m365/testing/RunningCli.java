package dev.m365.testing;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** A packaged m365 still running: read its stderr as it comes, send it signals, wait for it. */
public final class RunningCli implements AutoCloseable {

    private final Process process;
    private final Collector out;
    private final Collector err;

    RunningCli(Process process) {
        this.process = process;
        this.out = new Collector(process.getInputStream());
        this.err = new Collector(process.getErrorStream());
    }

    public long pid() {
        return process.pid();
    }

    public OutputStream stdin() {
        return process.getOutputStream();
    }

    /** Waits until stderr matches {@code pattern} and returns its first group (or the whole match). */
    public String awaitStderr(Pattern pattern, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            Matcher m = pattern.matcher(err.text());
            if (m.find()) {
                return m.groupCount() > 0 ? m.group(1) : m.group();
            }
            if (!process.isAlive() && !m.find()) {
                throw new AssertionError("m365 exited before printing " + pattern + ":\n" + err.text() + out.text());
            }
            Thread.sleep(20);
        }
        throw new AssertionError("m365 did not print " + pattern + " within " + timeout + ":\n" + err.text());
    }

    /** Waits until stdout (a terminal's output, under {@code script}) matches {@code pattern}. */
    public void awaitStdout(Pattern pattern, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            if (pattern.matcher(out.text()).find()) {
                return;
            }
            Thread.sleep(20);
        }
        throw new AssertionError("m365 did not print " + pattern + " within " + timeout + ":\n" + out.text());
    }

    public void signal(String name) throws IOException, InterruptedException {
        new ProcessBuilder("kill", "-" + name, Long.toString(process.pid())).inheritIO().start().waitFor();
    }

    public void kill() {
        process.destroyForcibly();
    }

    public CliResult await(Duration timeout) throws InterruptedException {
        if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
            process.destroyForcibly();
            throw new AssertionError("m365 did not finish within " + timeout + ":\n" + err.text());
        }
        out.finish();
        err.finish();
        return new CliResult(process.exitValue(), out.text(), err.text());
    }

    @Override
    public void close() {
        if (process.isAlive()) {
            process.destroyForcibly();
        }
    }

    private static final class Collector extends Thread {
        private final InputStream in;
        private final ByteArrayOutputStream buffer = new ByteArrayOutputStream();

        Collector(InputStream in) {
            this.in = in;
            setDaemon(true);
            start();
        }

        @Override
        public void run() {
            byte[] chunk = new byte[8192];
            try {
                int n;
                while ((n = in.read(chunk)) > 0) {
                    synchronized (buffer) {
                        buffer.write(chunk, 0, n);
                    }
                }
            } catch (IOException ignored) {
                // the process ended
            }
        }

        String text() {
            synchronized (buffer) {
                return buffer.toString(StandardCharsets.UTF_8);
            }
        }

        void finish() throws InterruptedException {
            join(5000);
        }
    }
}
