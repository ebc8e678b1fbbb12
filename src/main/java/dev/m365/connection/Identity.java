package dev.m365.connection;

import com.fasterxml.jackson.annotation.JsonIgnore;

/** Who a connection acts as: a user (delegated), an app (app-only) or a managed identity. */
public record Identity(Kind kind, String name, String displayName, String objectId) {

    public enum Kind {
        user,
        app,
        managedIdentity
    }

    @JsonIgnore
    public boolean isAppOnly() {
        return kind != Kind.user;
    }
}
