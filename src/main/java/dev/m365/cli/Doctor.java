package dev.m365.cli;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import jakarta.inject.Singleton;

import dev.m365.config.Cloud;
import dev.m365.config.Setting;
import dev.m365.config.Settings;
import dev.m365.connection.StoreData;
import dev.m365.error.M365Exception;
import dev.m365.http.ProxyServer;
import dev.m365.store.ConnectionStore;
import dev.m365.store.StoreDescription;

/** What {@code m365 cli doctor} reports: the environment, the effective settings and their origins, the store. */
@Singleton
public class Doctor {

    private final Settings settings;
    private final ConnectionStore store;

    public Doctor(Settings settings, ConnectionStore store) {
        this.settings = settings;
        this.store = store;
    }

    public Map<String, Object> report() {
        Map<String, Object> report = new LinkedHashMap<>();
        report.put("m365", version());
        report.put("os", System.getProperty("os.name") + " " + System.getProperty("os.version") + " ("
                + System.getProperty("os.arch") + ")");
        report.put("java", ordered("version", System.getProperty("java.version"), "vendor",
                System.getProperty("java.vendor"), "home", System.getProperty("java.home")));
        report.put("appId", setting(() -> settings.appId(Optional.empty())));
        report.put("tenant", setting(() -> {
            Setting<?> t = settings.tenant(Optional.empty());
            return new Setting<>(t.value().toString(), t.origin());
        }));
        Setting<Cloud> cloud = settings.cloud(Optional.empty());
        report.put("cloud", ordered("value", cloud.value().name(), "origin", cloud.origin()));
        report.put("authorityHost", setting(() -> {
            Setting<?> host = settings.authorityHost(cloud.value());
            return new Setting<>(host.value().toString(), host.origin());
        }));
        report.put("proxy", proxies());
        report.put("tlsCaFile", settings.tlsCaFile().map(f -> (Object) ordered("value", f.value().toString(),
                "origin", f.origin())).orElse("none (the JVM's trusted CAs)"));
        report.put("configDir", settings.configDir().toString());
        StoreDescription description = store.describe();
        report.put("store", ordered("backend", description.backend(), "location", description.location(),
                "keyProtection", description.keyProtection()));
        report.put("connections", connections());
        return report;
    }

    private Object proxies() {
        try {
            var rules = settings.proxies();
            Map<String, Object> proxy = new LinkedHashMap<>();
            proxy.put("https", rules.https().map(ProxyServer::display).orElse("none"));
            proxy.put("http", rules.http().map(ProxyServer::display).orElse("none"));
            proxy.put("noProxy", rules.noProxy());
            return proxy;
        } catch (M365Exception e) {
            return "invalid: " + e.getMessage();
        }
    }

    private Object connections() {
        try {
            StoreData data = store.read();
            List<Map<String, Object>> list = new java.util.ArrayList<>();
            data.connections().values().forEach(c -> list.add(ordered("name", c.name(), "connectedAs",
                    c.identity().name(), "authType", c.authType().name(), "active", c.name().equals(data.active()))));
            data.services().forEach((service, c) -> list.add(ordered("name", c.name(), "connectedAs",
                    c.identity().name(), "authType", c.authType().name(), "service", service)));
            return list;
        } catch (M365Exception e) {
            return "unreadable: " + e.getMessage();
        }
    }

    private static Object setting(java.util.function.Supplier<Setting<?>> read) {
        try {
            Setting<?> s = read.get();
            return ordered("value", String.valueOf(s.value()), "origin", s.origin());
        } catch (M365Exception e) {
            return "invalid: " + e.getMessage();
        }
    }

    /** A map that keeps the keys in the order given, so the report reads the same every time. */
    private static Map<String, Object> ordered(Object... keysAndValues) {
        Map<String, Object> map = new LinkedHashMap<>();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            map.put((String) keysAndValues[i], keysAndValues[i + 1]);
        }
        return map;
    }

    private static String version() {
        try {
            return VersionProvider.version();
        } catch (java.io.IOException e) {
            return "unknown";
        }
    }
}
