package dev.m365.service;

import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/** All services, by name. */
public class Services {

    private final List<M365Service> all;

    public Services(List<M365Service> services) {
        this.all = services.stream().sorted(Comparator.comparing(M365Service::name)).toList();
    }

    public List<M365Service> all() {
        return all;
    }

    /** The service whose resource this is, if any. */
    public Optional<M365Service> serving(String resource, dev.m365.config.Cloud cloud) {
        return all.stream().filter(s -> s.serves(resource, cloud)).findFirst();
    }

    public Optional<M365Service> named(String name) {
        return all.stream().filter(s -> s.name().equals(name)).findFirst();
    }
}
