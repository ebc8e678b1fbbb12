package dev.m365.config;

import java.net.URI;
import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

import dev.m365.error.UsageException;

/** The Microsoft clouds m365 can sign in to, spelled as the CLI for Microsoft 365 spells them. */
public enum Cloud {
    Public("https://login.microsoftonline.com"),
    USGov("https://login.microsoftonline.com"),
    USGovHigh("https://login.microsoftonline.us"),
    USGovDoD("https://login.microsoftonline.us"),
    China("https://login.partner.microsoftonline.cn");

    private final URI authorityHost;

    Cloud(String authorityHost) {
        this.authorityHost = URI.create(authorityHost);
    }

    public URI authorityHost() {
        return authorityHost;
    }

    public static String names() {
        return Arrays.stream(values()).map(Enum::name).collect(Collectors.joining("|"));
    }

    /** Case-insensitive, so {@code --cloud usgov} works as well as {@code USGov}. */
    public static Cloud parse(String value, String origin) {
        String wanted = value.strip().toLowerCase(Locale.ROOT);
        for (Cloud cloud : values()) {
            if (cloud.name().toLowerCase(Locale.ROOT).equals(wanted)) {
                return cloud;
            }
        }
        throw new UsageException(origin + " '" + value + "' is not a cloud: use one of " + names() + ".");
    }
}
