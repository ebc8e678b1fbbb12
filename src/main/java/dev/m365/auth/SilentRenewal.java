package dev.m365.auth;

import jakarta.inject.Singleton;

import dev.m365.connection.Connection;
import dev.m365.error.LoginExpiredException;

/** Renews a connection's tokens with the method that made it. */
@Singleton
public class SilentRenewal implements TokenRenewal {

    private final SignInMethods methods;

    public SilentRenewal(SignInMethods methods) {
        this.methods = methods;
    }

    @Override
    public Renewed renew(Connection connection, TokenTarget target) {
        if (connection.credential() == null) {
            throw new LoginExpiredException("The connection '" + connection.name() + "' keeps nothing to get a token"
                    + " for " + target.resource() + " silently; sign in again with `m365 login`.");
        }
        return methods.get(connection.authType()).renew(connection, target);
    }
}
