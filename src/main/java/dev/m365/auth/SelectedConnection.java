package dev.m365.auth;

import java.util.Optional;

/** The named connection a run asked for ({@code --connection} or {@code M365_CONNECTION}), if any. */
public interface SelectedConnection {

    Optional<String> connectionName();
}
