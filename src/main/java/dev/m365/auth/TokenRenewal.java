package dev.m365.auth;

import dev.m365.connection.AccessToken;
import dev.m365.connection.Connection;
import dev.m365.connection.Credential;

/** Gets a new access token for a connection without the user. Needs the network. */
public interface TokenRenewal {

    /** A new token, and the credential to keep from now on when it changed (a rotated refresh token), else null. */
    record Renewed(AccessToken token, Credential credential) {
    }

    Renewed renew(Connection connection, TokenTarget target);
}
