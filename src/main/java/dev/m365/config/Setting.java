package dev.m365.config;

/** A resolved setting and where it came from ("option --tenant", "environment variable CLIMICROSOFT365_TENANT", ...). */
public record Setting<T>(T value, String origin) {
}
