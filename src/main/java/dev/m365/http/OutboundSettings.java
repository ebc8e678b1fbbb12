package dev.m365.http;

import java.time.Duration;

/** What every outbound call obeys: which proxy per host, connect timeout, whole-request timeout. */
public record OutboundSettings(ProxyRules proxies, Duration connectTimeout, Duration requestTimeout) {
}
