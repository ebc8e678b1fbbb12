package dev.m365.store;

/** A store backend as {@code m365 cli doctor} reports it. */
public record StoreDescription(String backend, String location, String keyProtection) {
}
