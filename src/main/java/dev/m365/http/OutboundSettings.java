package dev.m365.http;

import java.security.KeyStore;
import java.time.Duration;
import java.util.Optional;

/**
 * What every outbound call obeys: which proxy per host, connect timeout, whole-request timeout, and the CAs TLS
 * trusts (empty: the JVM's).
 */
public record OutboundSettings(ProxyRules proxies, Duration connectTimeout, Duration requestTimeout,
        Optional<KeyStore> trust) {
}
