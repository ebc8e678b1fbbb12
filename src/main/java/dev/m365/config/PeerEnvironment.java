package dev.m365.config;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.eclipse.microprofile.config.spi.ConfigSource;

/**
 * The environment variables users already set for the CLI for Microsoft 365, the Azure CLI and the Azure SDKs,
 * mapped onto m365's keys. Ranked just below m365's own {@code M365_*} variables, so those win when both are set.
 */
public final class PeerEnvironment implements ConfigSource {

    public static final int ORDINAL = 295;
    public static final String NAME = "PeerEnvironment";

    /** Key, then the variables that feed it, strongest first. */
    static final Map<String, List<String>> VARIABLES = variables();

    private final Map<String, String> environment;

    public PeerEnvironment() {
        this(System.getenv());
    }

    PeerEnvironment(Map<String, String> environment) {
        this.environment = environment;
    }

    private static Map<String, List<String>> variables() {
        Map<String, List<String>> map = new LinkedHashMap<>();
        map.put("m365.app-id", List.of("CLIMICROSOFT365_ENTRAAPPID", "CLIMICROSOFT365_AADAPPID", "OFFICE365CLI_AADAPPID"));
        map.put("m365.tenant", List.of("CLIMICROSOFT365_TENANT"));
        map.put("m365.authority-host", List.of("AZURE_AUTHORITY_HOST"));
        map.put("m365.proxy.https", List.of("HTTPS_PROXY", "https_proxy"));
        map.put("m365.proxy.http", List.of("HTTP_PROXY", "http_proxy"));
        map.put("m365.proxy.no-proxy", List.of("NO_PROXY", "no_proxy"));
        map.put("m365.verbose", List.of("CLIMICROSOFT365_VERBOSE"));
        map.put("m365.debug", List.of("CLIMICROSOFT365_DEBUG"));
        return Map.copyOf(map);
    }

    /** The variable that supplies {@code key}, if any is set. */
    public Optional<String> variableFor(String key) {
        for (String variable : VARIABLES.getOrDefault(key, List.of())) {
            String value = environment.get(variable);
            if (value != null && !value.isEmpty()) {
                return Optional.of(variable);
            }
        }
        return Optional.empty();
    }

    @Override
    public Set<String> getPropertyNames() {
        return VARIABLES.keySet().stream().filter(k -> variableFor(k).isPresent())
                .collect(java.util.stream.Collectors.toSet());
    }

    @Override
    public String getValue(String key) {
        return variableFor(key).map(environment::get).orElse(null);
    }

    @Override
    public String getName() {
        return NAME;
    }

    @Override
    public int getOrdinal() {
        return ORDINAL;
    }
}
