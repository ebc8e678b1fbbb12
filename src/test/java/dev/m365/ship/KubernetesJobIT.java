package dev.m365.ship;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodBuilder;
import io.fabric8.kubernetes.api.model.PodTemplateSpec;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.api.model.SecretBuilder;
import io.fabric8.kubernetes.api.model.ServiceAccount;
import io.fabric8.kubernetes.api.model.VolumeBuilder;
import io.fabric8.kubernetes.api.model.VolumeMountBuilder;
import io.fabric8.kubernetes.api.model.batch.v1.Job;

import dev.m365.emulator.Directory;
import dev.m365.emulator.EntraEmulator;
import dev.m365.testing.CliResult;
import dev.m365.testing.PackagedCli;

/**
 * The Job of each overlay, rendered by kustomize, runs for real as a pod under `podman kube play` with the image
 * built from docker/Dockerfile.jvm, against the emulator: with the Secret `m365 connection export` produces, and with
 * what the Azure workload identity webhook injects (the projected token stood in for by a Secret volume).
 */
class KubernetesJobIT {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String TOKEN_DIR = "/var/run/secrets/azure/tokens";
    private static Podman podman;
    private static String image;
    private EntraEmulator emulator;
    private Path scratch;

    @BeforeAll
    static void buildTheImage() throws Exception {
        podman = Podman.require();
        image = TestImage.build(podman);
    }

    @BeforeEach
    void startEmulator() throws Exception {
        emulator = EntraEmulator.start();
        scratch = PackagedCli.tempConfigDir();
    }

    @AfterEach
    void stopEmulator() {
        emulator.close();
    }

    /** The overlay's Job as the Pod its controller would create, with the image under test. */
    private static Pod jobPod(List<HasMetadata> objects) {
        Job job = objects.stream().filter(Job.class::isInstance).map(Job.class::cast).findFirst().orElseThrow();
        PodTemplateSpec template = job.getSpec().getTemplate();
        Pod pod = new PodBuilder().withNewMetadata().withName(job.getMetadata().getName())
                .withLabels(template.getMetadata().getLabels()).endMetadata().withSpec(template.getSpec()).build();
        pod.getSpec().getContainers().forEach(c -> c.setImage(image));
        return pod;
    }

    @Test
    void exportedConnectionJobGetsAGraphTokenForTheUserSignedInOnAWorkstation() throws Exception {
        PackagedCli workstation = PackagedCli.forEmulator(emulator.url(), scratch.resolve("workstation"));
        assertThat(workstation.run("login", "-u", "alice@contoso.onmicrosoft.com", "-p", "alice-password-1").exitCode()).isZero();
        CliResult export = workstation.run("connection", "export", "--format", "k8s-secret");
        assertThat(export.exitCode()).as(export.toString()).isZero();
        Secret connection = (Secret) Kustomize.objects(export.stdout()).get(0);
        Secret storeKey = (Secret) Kustomize.objects(kubectl("create", "secret", "generic", "m365-store-key",
                "--from-literal=key=" + randomStoreKey(),
                "--dry-run=client", "-o", "yaml")).get(0);
        emulator.clearRequests();

        Pod pod = jobPod(Kustomize.objects(Kustomize.render(Path.of("k8s/overlays/exported-connection"))));
        try (KubePlay play = KubePlay.start(podman, pod, List.of(connection, storeKey), scratch)) {
            CliResult job = play.awaitContainer();
            assertThat(job.exitCode()).as(job.toString()).isZero();
            JsonNode claims = JSON.readTree(job.stdout());
            assertThat(claims.path("aud").asText()).isEqualTo("https://graph.microsoft.com");
            assertThat(claims.path("identity").asText()).isEqualTo("alice@contoso.onmicrosoft.com");
            assertThat(claims.path("tid").asText()).isEqualTo(Directory.CONTOSO_ID);
            assertThat(job.stdout()).as("the token itself is not in the log").doesNotContain("eyJ");
        }
        assertThat(emulator.count(r -> r.grantType().equals("refresh_token"))).as("the pod redeemed the exported login")
                .isEqualTo(1);
    }

    @Test
    void workloadIdentityJobSignsInWithItsProjectedServiceAccountToken() throws Exception {
        List<HasMetadata> objects = Kustomize.objects(Kustomize.render(Path.of("k8s/overlays/workload-identity")));
        ServiceAccount account = objects.stream().filter(ServiceAccount.class::isInstance).map(ServiceAccount.class::cast)
                .findFirst().orElseThrow();
        String clientId = account.getMetadata().getAnnotations().get("azure.workload.identity/client-id");
        String subject = "system:serviceaccount:default:" + account.getMetadata().getName();
        emulator.directory().updateApp(clientId, app -> app.withFederatedCredential(EntraEmulator.kubernetesIssuer(),
                subject, "api://AzureADTokenExchange"));

        Pod pod = jobPod(objects);
        assertThat(pod.getMetadata().getLabels()).containsEntry("azure.workload.identity/use", "true");
        Secret projectedToken = webhookMutates(pod, clientId);
        try (KubePlay play = KubePlay.start(podman, pod, List.of(projectedToken), scratch)) {
            CliResult job = play.awaitContainer();
            assertThat(job.exitCode()).as(job.toString()).isZero();
            JsonNode claims = JSON.readTree(job.stdout());
            assertThat(claims.path("aud").asText()).isEqualTo("https://graph.microsoft.com");
            assertThat(claims.path("identity").asText()).isEqualTo(clientId);
        }
        assertThat(emulator.requests()).anyMatch(r -> "urn:ietf:params:oauth:client-assertion-type:jwt-bearer"
                .equals(r.form().get("client_assertion_type")));
    }

    /**
     * What the Azure workload identity webhook does to a pod whose label asks for it: the app's id, tenant and
     * authority in the environment and a service-account token file. The token, which a cluster projects, is here
     * minted by the emulator's cluster issuer and mounted from a Secret.
     */
    private Secret webhookMutates(Pod pod, String clientId) {
        var container = pod.getSpec().getContainers().get(0);
        container.getEnv().addAll(List.of(new EnvVar("AZURE_CLIENT_ID", clientId, null),
                new EnvVar("AZURE_TENANT_ID", Directory.CONTOSO_ID, null),
                new EnvVar("AZURE_AUTHORITY_HOST", emulator.url(), null),
                new EnvVar("AZURE_FEDERATED_TOKEN_FILE", TOKEN_DIR + "/azure-identity-token", null)));
        container.getVolumeMounts().add(new VolumeMountBuilder().withName("azure-identity-token")
                .withMountPath(TOKEN_DIR).withReadOnly(true).build());
        pod.getSpec().getVolumes().add(new VolumeBuilder().withName("azure-identity-token").withNewSecret()
                .withSecretName("azure-identity-token").endSecret().build());
        String token = emulator.kubernetesToken("default", pod.getSpec().getServiceAccountName(), Duration.ofHours(1));
        return new SecretBuilder().withNewMetadata().withName("azure-identity-token").endMetadata()
                .addToData("azure-identity-token", java.util.Base64.getEncoder().encodeToString(token.getBytes())).build();
    }

    private static String randomStoreKey() {
        byte[] key = new byte[32];
        new java.security.SecureRandom().nextBytes(key);
        return java.util.Base64.getEncoder().encodeToString(key);
    }

    private static String kubectl(String... args) throws Exception {
        List<String> command = new java.util.ArrayList<>(List.of("kubectl"));
        command.addAll(List.of(args));
        Process p = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.DISCARD).start();
        String out = new String(p.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        assertThat(p.waitFor()).as(String.join(" ", command)).isZero();
        return out;
    }
}
