package dev.m365.ship;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Assumptions;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.KubernetesList;
import io.fabric8.kubernetes.client.utils.KubernetesSerialization;

/** Renders a kustomization with `kubectl kustomize` (offline) and reads the result into Kubernetes' object model. */
public final class Kustomize {

    private static final KubernetesSerialization SERIALIZATION = new KubernetesSerialization();

    private Kustomize() {
    }

    public static String render(Path kustomization) throws IOException, InterruptedException {
        Process process;
        try {
            process = new ProcessBuilder("kubectl", "kustomize", kustomization.toString()).start();
        } catch (IOException e) {
            if (System.getenv("M365_REQUIRE_CONTAINER_TESTS") != null) {
                throw new AssertionError("M365_REQUIRE_CONTAINER_TESTS is set but kubectl is not installed", e);
            }
            Assumptions.abort("kubectl is not installed");
            throw e;
        }
        String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        byte[] err = process.getErrorStream().readAllBytes();
        if (!process.waitFor(60, TimeUnit.SECONDS) || process.exitValue() != 0) {
            throw new AssertionError("kubectl kustomize " + kustomization + " failed: " + new String(err, StandardCharsets.UTF_8));
        }
        return out;
    }

    /** Every object of a rendered (multi-document) YAML, each as its model class. */
    public static List<HasMetadata> objects(String yaml) {
        Object parsed = SERIALIZATION.unmarshal(yaml);
        if (parsed instanceof List<?> list) {
            return list.stream().map(HasMetadata.class::cast).toList();
        }
        if (parsed instanceof KubernetesList list) {
            return list.getItems();
        }
        return List.of((HasMetadata) parsed);
    }

    public static String yaml(Object object) {
        return SERIALIZATION.asYaml(object);
    }

    public static String json(Object object) {
        return SERIALIZATION.asJson(object);
    }
}
