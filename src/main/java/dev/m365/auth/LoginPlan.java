package dev.m365.auth;

import dev.m365.config.Cloud;
import dev.m365.connection.AuthType;

/** A login ready to run: method, app, where, and the method's input (secrets resolved). */
public record LoginPlan(AuthType type, String appId, Authority authority, Cloud cloud, MethodInput input) {
}
