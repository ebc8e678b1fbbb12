package dev.m365.ship;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.api.Test;

import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.PodSpec;
import io.fabric8.kubernetes.api.model.ServiceAccount;
import io.fabric8.kubernetes.api.model.Volume;
import io.fabric8.kubernetes.api.model.VolumeMount;
import io.fabric8.kubernetes.api.model.batch.v1.CronJob;
import io.fabric8.kubernetes.api.model.batch.v1.Job;

/**
 * Every overlay in k8s/ renders with `kubectl kustomize`, every object is valid against Kubernetes' own model with no
 * unknown field, and every pod is locked down and wired the way the README says.
 */
class KubernetesManifestsTest {

    static Stream<Path> overlays() throws Exception {
        try (Stream<Path> dirs = Files.list(Path.of("k8s", "overlays"))) {
            return dirs.sorted().toList().stream();
        }
    }

    private static List<HasMetadata> render(Path overlay) throws Exception {
        return Kustomize.objects(Kustomize.render(overlay));
    }

    static Map<String, PodSpec> pods(List<HasMetadata> objects) {
        return objects.stream().filter(o -> o instanceof Job || o instanceof CronJob).collect(Collectors.toMap(
                o -> o.getKind() + "/" + o.getMetadata().getName(),
                o -> o instanceof Job job ? job.getSpec().getTemplate().getSpec()
                        : ((CronJob) o).getSpec().getJobTemplate().getSpec().getTemplate().getSpec()));
    }

    @Test
    void thereAreTheTwoOverlaysTheReadmeDescribes() throws Exception {
        assertThat(overlays().map(p -> p.getFileName().toString())).containsExactly("exported-connection", "workload-identity");
    }

    @ParameterizedTest
    @MethodSource("overlays")
    void everyObjectIsValidWithNoUnknownField(Path overlay) throws Exception {
        List<HasMetadata> objects = render(overlay);
        assertThat(objects).extracting(HasMetadata::getKind).contains("Job", "CronJob");
        for (HasMetadata object : objects) {
            assertThat(StrictSchema.problems(object, object.getKind() + "/" + object.getMetadata().getName())).isEmpty();
            assertThat(object.getMetadata().getLabels()).containsEntry("app.kubernetes.io/name", "m365");
        }
    }

    @ParameterizedTest
    @MethodSource("overlays")
    void everyPodRunsLockedDownWithSizedResources(Path overlay) throws Exception {
        pods(render(overlay)).forEach((name, pod) -> {
            assertThat(pod.getAutomountServiceAccountToken()).as(name + " Kubernetes API token").isFalse();
            assertThat(pod.getRestartPolicy()).isEqualTo("Never");
            assertThat(pod.getSecurityContext().getRunAsNonRoot()).as(name).isTrue();
            assertThat(pod.getSecurityContext().getSeccompProfile().getType()).isEqualTo("RuntimeDefault");
            for (Container c : pod.getContainers()) {
                assertThat(c.getImage()).isEqualTo("m365:latest");
                assertThat(c.getSecurityContext().getReadOnlyRootFilesystem()).as(name).isTrue();
                assertThat(c.getSecurityContext().getAllowPrivilegeEscalation()).as(name).isFalse();
                assertThat(c.getSecurityContext().getRunAsNonRoot()).as(name).isTrue();
                assertThat(c.getSecurityContext().getCapabilities().getDrop()).as(name).containsExactly("ALL");
                assertThat(c.getResources().getRequests()).as(name).containsKeys("cpu", "memory");
                assertThat(c.getResources().getLimits()).as(name).containsKeys("cpu", "memory");
                List<String> volumes = pod.getVolumes().stream().map(Volume::getName).toList();
                assertThat(c.getVolumeMounts()).extracting(VolumeMount::getName).as(name + " mounts")
                        .containsExactlyInAnyOrderElementsOf(volumes);
                assertThat(env(c, "M365_CONFIG_DIR")).hasValueSatisfying(dir -> assertThat(mountOf(c, dir)).isPresent());
            }
        });
    }

    @Test
    void workloadIdentityPodsUseTheAnnotatedServiceAccountAndSignInFederated() throws Exception {
        List<HasMetadata> objects = render(Path.of("k8s/overlays/workload-identity"));
        ServiceAccount account = objects.stream().filter(ServiceAccount.class::isInstance).map(ServiceAccount.class::cast)
                .findFirst().orElseThrow();
        assertThat(account.getMetadata().getAnnotations()).containsKey("azure.workload.identity/client-id");
        for (HasMetadata o : objects) {
            if (o instanceof Job || o instanceof CronJob) {
                var template = o instanceof Job job ? job.getSpec().getTemplate()
                        : ((CronJob) o).getSpec().getJobTemplate().getSpec().getTemplate();
                assertThat(template.getMetadata().getLabels()).containsEntry("azure.workload.identity/use", "true");
                assertThat(template.getSpec().getServiceAccountName()).isEqualTo(account.getMetadata().getName());
                assertThat(String.join(" ", template.getSpec().getContainers().get(0).getArgs()))
                        .contains("m365 login --authType federatedIdentity");
            }
        }
    }

    @Test
    void exportedConnectionPodsMountTheSecretsReadOnlyAndCacheInAnEmptyDir() throws Exception {
        pods(render(Path.of("k8s/overlays/exported-connection"))).forEach((name, pod) -> {
            Container c = pod.getContainers().get(0);
            assertThat(env(c, "M365_STORE_BACKEND")).contains("secret-volume");
            VolumeMount connection = mountOf(c, env(c, "M365_STORE_SECRET_DIR").orElseThrow()).orElseThrow();
            assertThat(connection.getReadOnly()).as(name).isTrue();
            assertThat(volume(pod, connection).getSecret().getSecretName()).isEqualTo("m365-connection");
            VolumeMount key = mountOf(c, Path.of(env(c, "M365_STORE_KEY_FILE").orElseThrow()).getParent().toString()).orElseThrow();
            assertThat(key.getReadOnly()).isTrue();
            assertThat(volume(pod, key).getSecret().getSecretName()).isEqualTo("m365-store-key");
            VolumeMount cache = mountOf(c, env(c, "M365_STORE_CACHE_DIR").orElseThrow()).orElseThrow();
            assertThat(volume(pod, cache).getEmptyDir()).isNotNull();
        });
    }

    @Test
    void aTypoIsReportedAndAWrongTypeRejected() {
        String typo = """
                apiVersion: batch/v1
                kind: Job
                metadata: {name: broken}
                spec:
                  template:
                    spec:
                      containers:
                        - name: m365
                          image: m365
                          securityContex: {runAsNonRoot: true}
                """;
        HasMetadata job = Kustomize.objects(typo).get(0);
        assertThat(StrictSchema.problems(job, "Job/broken")).singleElement().asString()
                .contains("spec.template.spec.containers[0].securityContex");
        String wrongType = typo.replace("securityContex: {runAsNonRoot: true}", "resources: {limits: {memory: [320Mi]}}");
        assertThatThrownBy(() -> Kustomize.objects(wrongType)).hasMessageContaining("limits");
    }

    private static Optional<String> env(Container c, String name) {
        return c.getEnv().stream().filter(e -> e.getName().equals(name)).map(EnvVar::getValue).findFirst();
    }

    private static Optional<VolumeMount> mountOf(Container c, String path) {
        return c.getVolumeMounts().stream().filter(m -> path.equals(m.getMountPath()) || path.startsWith(m.getMountPath() + "/"))
                .findFirst();
    }

    private static Volume volume(PodSpec pod, VolumeMount mount) {
        return pod.getVolumes().stream().filter(v -> v.getName().equals(mount.getName())).findFirst().orElseThrow();
    }
}
