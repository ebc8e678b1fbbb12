package dev.m365.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.util.Optional;

import org.junit.jupiter.api.Test;

import dev.m365.error.UsageException;

class ProxyRulesTest {

    private static final ProxyServer CORP = ProxyServer.parse("http://user:p%40ss@proxy.corp:3128", "HTTPS_PROXY");

    private static Optional<ProxyServer> proxyFor(String noProxy, String url) {
        return new ProxyRules(Optional.of(CORP), Optional.of(CORP), noProxy).forUrl(URI.create(url));
    }

    @Test
    void credentialsAreDecodedAndNeverDisplayed() {
        assertThat(CORP.user()).contains("user");
        assertThat(CORP.password()).contains("p@ss");
        assertThat(CORP.display()).isEqualTo("http://user:***@proxy.corp:3128").doesNotContain("p@ss");
        assertThat(ProxyServer.parse("proxy.corp:8080", "HTTP_PROXY").port()).isEqualTo(8080);
    }

    @Test
    void eachSchemeUsesItsOwnProxy() {
        ProxyRules onlyHttps = new ProxyRules(Optional.of(CORP), Optional.empty(), "");
        assertThat(onlyHttps.forUrl(URI.create("https://login.microsoftonline.com/x"))).contains(CORP);
        assertThat(onlyHttps.forUrl(URI.create("http://127.0.0.1:8400/x"))).isEmpty();
    }

    @Test
    void noProxyMatchesHostsDomainsIpsRangesAndPorts() {
        assertThat(proxyFor("graph.microsoft.com", "https://graph.microsoft.com/v1.0")).isEmpty();
        assertThat(proxyFor(".microsoft.com", "https://graph.microsoft.com")).isEmpty();
        assertThat(proxyFor("microsoft.com", "https://graph.microsoft.com")).isEmpty();
        assertThat(proxyFor("*.microsoft.com", "https://graph.microsoft.com")).isEmpty();
        assertThat(proxyFor("microsoft.com", "https://notmicrosoft.com")).contains(CORP);
        assertThat(proxyFor("10.0.0.0/8", "http://10.1.2.3/x")).isEmpty();
        assertThat(proxyFor("10.0.0.0/8", "http://11.1.2.3/x")).contains(CORP);
        assertThat(proxyFor("localhost:8400", "http://localhost:8400/")).isEmpty();
        assertThat(proxyFor("localhost:8400", "http://localhost:9000/")).contains(CORP);
        assertThat(proxyFor("*", "https://anything.example")).isEmpty();
        assertThat(proxyFor(" a.example , b.example ", "https://b.example")).isEmpty();
    }

    @Test
    void unsupportedProxyUrlsAreBadInput() {
        assertThatThrownBy(() -> ProxyServer.parse("socks5://proxy:1080", "HTTPS_PROXY"))
                .isInstanceOf(UsageException.class).hasMessageContaining("HTTPS_PROXY");
    }
}
