package dev.m365.connection;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.UnaryOperator;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * Everything m365 keeps about sign-ins. {@code connections} are the logins made by {@code m365 login} (by name,
 * {@code active} the one in use); {@code services} are the logins a service made for itself ({@code m365 spo login}),
 * which serve that service instead of the active connection. {@code derivedFrom} fingerprints the read-only source
 * a cached copy was derived from (a Kubernetes secret volume), so a changed source is not shadowed by stale state.
 * Versioned: {@code StoreMigrations} upgrades what older m365 versions wrote.
 */
public record StoreData(int version, String active, Map<String, Connection> connections,
        @JsonProperty("serviceLogins") Map<String, Connection> services, String derivedFrom) {

    public static final int CURRENT_VERSION = 2;

    public StoreData {
        connections = connections == null ? Map.of() : Map.copyOf(connections);
        services = services == null ? Map.of() : Map.copyOf(services);
    }

    public static StoreData empty() {
        return new StoreData(CURRENT_VERSION, null, Map.of(), Map.of(), null);
    }

    public StoreData withDerivedFrom(String fingerprint) {
        return new StoreData(CURRENT_VERSION, active, connections, services, fingerprint);
    }

    public Optional<Connection> activeConnection() {
        return active == null ? Optional.empty() : Optional.ofNullable(connections.get(active));
    }

    public Optional<Connection> connection(String name) {
        return Optional.ofNullable(connections.get(name));
    }

    public Optional<Connection> serviceLogin(String service) {
        return Optional.ofNullable(services.get(service));
    }

    /** Adds or replaces a main connection and makes it the active one. */
    public StoreData withActiveConnection(Connection connection) {
        Map<String, Connection> map = new LinkedHashMap<>(connections);
        map.put(connection.name(), connection);
        return new StoreData(CURRENT_VERSION, connection.name(), map, services, derivedFrom);
    }

    /** Adds or replaces a main connection without changing which one is active. */
    public StoreData withConnection(Connection connection) {
        Map<String, Connection> map = new LinkedHashMap<>(connections);
        map.put(connection.name(), connection);
        return new StoreData(CURRENT_VERSION, active, map, services, derivedFrom);
    }

    public StoreData withoutConnection(String name) {
        Map<String, Connection> map = new LinkedHashMap<>(connections);
        map.remove(name);
        return new StoreData(CURRENT_VERSION, name.equals(active) ? null : active, map, services, derivedFrom);
    }

    public StoreData withServiceLogin(String service, Connection connection) {
        Map<String, Connection> map = new LinkedHashMap<>(services);
        map.put(service, connection);
        return new StoreData(CURRENT_VERSION, active, connections, map, derivedFrom);
    }

    public StoreData withoutServiceLogin(String service) {
        Map<String, Connection> map = new LinkedHashMap<>(services);
        map.remove(service);
        return new StoreData(CURRENT_VERSION, active, connections, map, derivedFrom);
    }

    /** Removes every login, main or service, that signed in as {@code userName}. */
    public StoreData withoutUser(String userName) {
        Map<String, Connection> main = new LinkedHashMap<>(connections);
        main.values().removeIf(c -> c.identity().name().equalsIgnoreCase(userName));
        Map<String, Connection> own = new LinkedHashMap<>(services);
        own.values().removeIf(c -> c.identity().name().equalsIgnoreCase(userName));
        return new StoreData(CURRENT_VERSION, main.containsKey(active) ? active : null, main, own, derivedFrom);
    }

    public boolean hasUser(String userName) {
        return connections.values().stream().anyMatch(c -> c.identity().name().equalsIgnoreCase(userName))
                || services.values().stream().anyMatch(c -> c.identity().name().equalsIgnoreCase(userName));
    }

    /**
     * Applies {@code change} to the connection with this sign-in id, wherever it is kept; does nothing when that
     * sign-in is gone (logged out meanwhile), so a refresh never brings a removed login back.
     */
    public StoreData updateConnection(String connectionId, UnaryOperator<Connection> change) {
        Map<String, Connection> main = new LinkedHashMap<>(connections);
        main.replaceAll((k, c) -> c.id().equals(connectionId) ? change.apply(c) : c);
        Map<String, Connection> own = new LinkedHashMap<>(services);
        own.replaceAll((k, c) -> c.id().equals(connectionId) ? change.apply(c) : c);
        return new StoreData(CURRENT_VERSION, active, main, own, derivedFrom);
    }
}
