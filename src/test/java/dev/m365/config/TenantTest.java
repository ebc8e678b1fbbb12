package dev.m365.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;

import org.junit.jupiter.api.Test;

import dev.m365.error.UsageException;

class TenantTest {

    @Test
    void acceptsWhatEntraAccepts() {
        for (String ok : new String[] { "common", "organizations", "consumers", "Contoso.OnMicrosoft.com",
                "contoso.com", "6babcaad-604b-40ac-a9d7-9fd97c0b779f", "9188040d-6c67-4c5b-b112-36a304b66dad" }) {
            assertThat(Tenant.parse(ok, "--tenant").value()).isEqualTo(ok.toLowerCase());
        }
    }

    @Test
    void rejectsAnythingElseBeforeAnyRequest() {
        for (String bad : new String[] { "", "contoso", "not a tenant", "contoso.com/../x", "6babcaad-604b",
                "http://contoso.com" }) {
            assertThatThrownBy(() -> Tenant.parse(bad, "--tenant")).isInstanceOf(UsageException.class)
                    .hasMessageContaining("--tenant");
        }
    }

    @Test
    void durationsReadAsPeopleWriteThem() {
        assertThat(Settings.parseDuration("30s")).isEqualTo(Duration.ofSeconds(30));
        assertThat(Settings.parseDuration("2m")).isEqualTo(Duration.ofMinutes(2));
        assertThat(Settings.parseDuration("45")).isEqualTo(Duration.ofSeconds(45));
        assertThat(Settings.parseDuration("250ms")).isEqualTo(Duration.ofMillis(250));
        assertThat(Settings.parseDuration("PT1M")).isEqualTo(Duration.ofMinutes(1));
        assertThatThrownBy(() -> Settings.parseDuration("0s")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Settings.parseDuration("soon")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void plainHttpOnlyForLoopback() {
        assertThat(SecureUrls.parse("http://127.0.0.1:8400", "x").getPort()).isEqualTo(8400);
        assertThat(SecureUrls.parse("http://localhost", "x").getHost()).isEqualTo("localhost");
        assertThat(SecureUrls.parse("https://login.microsoftonline.us", "x").getHost()).isEqualTo("login.microsoftonline.us");
        assertThatThrownBy(() -> SecureUrls.parse("http://10.0.0.1", "AZURE_AUTHORITY_HOST"))
                .isInstanceOf(UsageException.class).hasMessageContaining("loopback");
    }
}
