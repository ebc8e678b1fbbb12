package dev.m365.system;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * Opens a URL in the user's browser: the commands in {@code BROWSER} (colon-separated, {@code %s} for the URL, as
 * xdg-utils and Python read it), else the platform's opener. The URL is the only argument a browser process gets.
 */
public class BrowserLauncher {

    private final Optional<String> browserVariable;
    private final String osName;
    private final boolean graphicalSession;

    public BrowserLauncher(Optional<String> browserVariable, String osName, boolean graphicalSession) {
        this.browserVariable = browserVariable;
        this.osName = osName.toLowerCase(Locale.ROOT);
        this.graphicalSession = graphicalSession;
    }

    /** True when a browser was started; false when none could be (headless machine, no opener). */
    public boolean open(String url) {
        for (List<String> command : candidates(url)) {
            if (start(command)) {
                return true;
            }
        }
        return false;
    }

    List<List<String>> candidates(String url) {
        List<List<String>> commands = new ArrayList<>();
        if (browserVariable.isPresent()) {
            for (String entry : browserVariable.get().split(":")) {
                if (!entry.isBlank()) {
                    commands.add(command(entry.strip(), url));
                }
            }
            return commands;
        }
        if (osName.contains("mac")) {
            commands.add(List.of("open", url));
        } else if (osName.contains("win")) {
            commands.add(List.of("rundll32", "url.dll,FileProtocolHandler", url));
        } else if (graphicalSession) {
            commands.add(List.of("xdg-open", url));
            commands.add(List.of("sensible-browser", url));
        }
        return commands;
    }

    private static List<String> command(String entry, String url) {
        List<String> words = new ArrayList<>(List.of(entry.split("\\s+")));
        boolean substituted = false;
        for (int i = 0; i < words.size(); i++) {
            if (words.get(i).contains("%s")) {
                words.set(i, words.get(i).replace("%s", url));
                substituted = true;
            }
        }
        if (!substituted) {
            words.add(url);
        }
        return words;
    }

    /** A browser that is still running after a moment counts as opened; one that exits non-zero did not open. */
    private static boolean start(List<String> command) {
        try {
            Process process = new ProcessBuilder(command).redirectOutput(ProcessBuilder.Redirect.DISCARD)
                    .redirectError(ProcessBuilder.Redirect.DISCARD).redirectInput(ProcessBuilder.Redirect.PIPE).start();
            process.getOutputStream().close();
            if (process.waitFor(1500, TimeUnit.MILLISECONDS)) {
                return process.exitValue() == 0;
            }
            return true;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }
}
