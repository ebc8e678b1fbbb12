package dev.m365.auth;

import dev.m365.config.Cloud;

/** What every sign-in method needs: where (authority, cloud), as which app, for which resource, with which options. */
public record SignInRequest(Authority authority, Cloud cloud, String appId, String resource, MethodInput input) {
}
