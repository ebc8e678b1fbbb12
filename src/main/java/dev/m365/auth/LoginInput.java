package dev.m365.auth;

import java.util.Optional;

/** A login as the user asked for it on the command line; unset values come from configuration. */
public record LoginInput(Optional<String> authType, Optional<String> appId, Optional<String> tenant,
        Optional<String> cloud, Optional<String> connectionName, SignInOptions options) {
}
