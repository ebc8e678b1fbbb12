package dev.m365.auth;

import dev.m365.connection.Connection;

/** The connection a login produced, or the existing one {@code --ensure} found still working. */
public record LoginOutcome(Connection connection, boolean reused) {
}
