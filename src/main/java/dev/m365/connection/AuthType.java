package dev.m365.connection;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

import dev.m365.error.UsageException;

/** Sign-in methods, spelled as the CLI for Microsoft 365 spells {@code --authType}. */
public enum AuthType {
    deviceCode,
    browser,
    password,
    secret,
    certificate,
    federatedIdentity,
    identity;

    public static String names() {
        return Arrays.stream(values()).map(Enum::name).collect(Collectors.joining(", "));
    }

    public static AuthType parse(String value) {
        String wanted = value.strip().toLowerCase(Locale.ROOT);
        for (AuthType type : values()) {
            if (type.name().toLowerCase(Locale.ROOT).equals(wanted)) {
                return type;
            }
        }
        throw new UsageException("--authType '" + value + "' is not a sign-in method: use one of " + names() + ".");
    }
}
