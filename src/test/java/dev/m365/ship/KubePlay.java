package dev.m365.ship;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.api.model.Volume;

import dev.m365.testing.CliResult;

/**
 * Runs a pod for real with `podman kube play --network=host`, its Secrets mounted as volumes. Podman 4.3 (Debian 12)
 * needs three allowances, all here: a secret volume must say `optional` explicitly (else podman crashes), a Secret's
 * `data` reaches the volume without base64 decoding (so podman is given the decoded values), and the volumes podman
 * makes for Secrets outlive the pod (so they are removed before and after).
 */
public final class KubePlay implements AutoCloseable {

    private final Podman podman;
    private final Path file;
    private final Pod pod;
    private final List<String> secrets = new ArrayList<>();

    private KubePlay(Podman podman, Path file, Pod pod) {
        this.podman = podman;
        this.file = file;
        this.pod = pod;
    }

    /** Creates the Secrets and starts the pod. */
    public static KubePlay start(Podman podman, Pod pod, List<Secret> secrets, Path scratch) throws Exception {
        for (Volume volume : pod.getSpec().getVolumes()) {
            if (volume.getSecret() != null && volume.getSecret().getOptional() == null) {
                volume.getSecret().setOptional(false);
            }
        }
        KubePlay play = new KubePlay(podman, scratch.resolve(pod.getMetadata().getName() + ".yaml"), pod);
        for (Secret secret : secrets) {
            play.create(secret, scratch);
        }
        Files.writeString(play.file, Kustomize.yaml(pod));
        podman.run("pod", "rm", "--force", pod.getMetadata().getName()); // left over by an interrupted run
        podman.ok("kube", "play", "--network=host", play.file.toString());
        return play;
    }

    private void create(Secret secret, Path scratch) throws Exception {
        String name = secret.getMetadata().getName();
        removeSecret(name);
        Map<String, String> decoded = new LinkedHashMap<>();
        secret.getData().forEach((k, v) -> decoded.put(k, new String(Base64.getDecoder().decode(v), StandardCharsets.UTF_8)));
        Path content = scratch.resolve("secret-" + name + ".json");
        Files.writeString(content, Kustomize.json(Map.of("apiVersion", "v1", "kind", "Secret",
                "metadata", Map.of("name", name), "data", decoded)));
        podman.ok("secret", "create", name, content.toString());
        Files.delete(content);
        secrets.add(name);
    }

    /** Waits for the (first) container to exit: its exit code and its log (stdout and stderr). */
    public CliResult awaitContainer() throws Exception {
        Container container = pod.getSpec().getContainers().get(0);
        String name = pod.getMetadata().getName() + "-" + container.getName();
        int exit = Integer.parseInt(podman.ok("wait", name).strip());
        CliResult logs = podman.run("logs", name);
        return new CliResult(exit, logs.stdout(), logs.stderr());
    }

    private void removeSecret(String name) throws Exception {
        podman.run("secret", "rm", name);
        podman.run("volume", "rm", "-f", name);
    }

    @Override
    public void close() throws Exception {
        podman.run("kube", "play", "--down", file.toString());
        for (String name : secrets) {
            removeSecret(name);
        }
    }
}
