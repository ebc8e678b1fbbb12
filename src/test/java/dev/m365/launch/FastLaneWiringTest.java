package dev.m365.launch;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import dev.m365.auth.SignInMethod;
import dev.m365.cli.CommandTree;
import dev.m365.service.M365Service;
import io.quarkus.arc.All;
import io.quarkus.arc.ClientProxy;
import io.quarkus.test.junit.QuarkusTest;
import picocli.CommandLine;

/** The fast lane wires the same beans CDI finds, and can make every command of the tree without a container. */
@QuarkusTest
class FastLaneWiringTest {

    @Inject
    @All
    List<M365Service> services;

    @Inject
    @All
    List<SignInMethod> methods;

    @Test
    void theFastLaneListsTheBeansCdiDiscovers() {
        assertThat(FastLane.SERVICES).containsExactlyInAnyOrderElementsOf(classes(services));
        assertThat(FastLane.SIGN_IN_METHODS).containsExactlyInAnyOrderElementsOf(classes(methods));
    }

    @Test
    void everyCommandOfTheTreeCanBeMadeWithoutCdi() {
        CommandLine root = FastLane.wiring(StandaloneConfig.load()).get(CommandTree.class).build();
        List<String> made = new ArrayList<>();
        makeAll(root, made);
        assertThat(made).contains("m365", "m365 login", "m365 get-access-token", "m365 spo login", "m365 util accesstoken get-access-token",
                "m365 account list", "m365 connection export", "m365 cli doctor");
    }

    private static void makeAll(CommandLine command, List<String> made) {
        assertThat(command.<Object>getCommand()).as(command.getCommandSpec().qualifiedName()).isNotNull();
        made.add(command.getCommandSpec().qualifiedName());
        command.getSubcommands().values().forEach(sub -> makeAll(sub, made));
    }

    private static List<Class<?>> classes(List<?> beans) {
        return beans.stream().<Class<?>>map(b -> ClientProxy.unwrap(b).getClass()).toList();
    }
}
