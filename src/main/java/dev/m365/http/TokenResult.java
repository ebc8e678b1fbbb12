package dev.m365.http;

import dev.m365.error.EntraError;

/** What the token endpoint answered: tokens, or an OAuth error body (which polling treats as a normal answer). */
public sealed interface TokenResult {

    record Issued(TokenReply reply) implements TokenResult {
    }

    record Refused(EntraError error) implements TokenResult {
    }
}
