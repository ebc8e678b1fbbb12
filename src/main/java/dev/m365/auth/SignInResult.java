package dev.m365.auth;

import dev.m365.connection.Credential;
import dev.m365.connection.Identity;
import dev.m365.http.TokenReply;

/** A completed sign-in: the first tokens, the identity, its tenant, and what renews its tokens later. */
public record SignInResult(TokenReply tokens, Identity identity, String tenantId, Credential credential) {
}
