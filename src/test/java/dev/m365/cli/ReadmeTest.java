package dev.m365.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import dev.m365.error.ExitCode;
import io.quarkus.test.junit.QuarkusTest;
import picocli.CommandLine;
import picocli.CommandLine.Model.OptionSpec;

/** The README is the manual: its exit-code table is the enum's, and it documents every command and option. */
@QuarkusTest
class ReadmeTest {

    @Inject
    CommandTree tree;

    private static String readme() throws Exception {
        return Files.readString(Path.of("README.md"));
    }

    /** The README section between the exit-code markers, generated from {@link ExitCode}. */
    static String exitCodeTable() {
        StringBuilder sb = new StringBuilder("| Code | Meaning |\n|---|---|\n");
        for (ExitCode code : ExitCode.values()) {
            sb.append("| ").append(code.code()).append(" | ").append(code.meaning()).append(" |\n");
        }
        return sb.toString();
    }

    @Test
    void exitCodeTableIsGeneratedFromTheEnum() throws Exception {
        String readme = readme();
        String section = readme.substring(readme.indexOf("<!-- exit-codes:start -->") + "<!-- exit-codes:start -->".length() + 1,
                readme.indexOf("<!-- exit-codes:end -->"));
        assertThat(section).isEqualTo(exitCodeTable());
    }

    @Test
    void everyCommandAndOptionIsDocumented() throws Exception {
        String readme = readme();
        List<String> missing = new ArrayList<>();
        walk(tree.build(), readme, missing);
        assertThat(missing).as("document these in README.md").isEmpty();
    }

    private static void walk(CommandLine command, String readme, List<String> missing) {
        String path = command.getCommandSpec().qualifiedName(" ");
        boolean serviceCommand = command.getParent() != null && command.getParent().getParent() != null
                && command.getParent().getCommandSpec().userObject() instanceof ServiceGroupCommand;
        boolean serviceGroup = command.getCommandSpec().userObject() instanceof ServiceGroupCommand;
        String documented = serviceGroup ? "`" + command.getCommandSpec().name() + "`" : "`" + path;
        if (!path.equals("m365") && !path.equals("m365 help") && !serviceCommand && !readme.contains(documented)) {
            missing.add(path);
        }
        for (OptionSpec option : command.getCommandSpec().options()) {
            if (!option.hidden() && !option.longestName().matches("--(help|version)")
                    && !readme.contains("`" + option.longestName())) {
                missing.add(path + " " + option.longestName());
            }
        }
        command.getSubcommands().values().stream().distinct().forEach(sub -> walk(sub, readme, missing));
    }
}
