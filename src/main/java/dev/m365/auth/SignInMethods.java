package dev.m365.auth;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;

import dev.m365.connection.AuthType;
import dev.m365.error.UsageException;

/** The sign-in methods by {@link AuthType}. */
public class SignInMethods {

    private final Map<AuthType, SignInMethod> byType = new EnumMap<>(AuthType.class);

    public SignInMethods(List<SignInMethod> methods) {
        methods.forEach(m -> byType.put(m.type(), m));
    }

    public SignInMethod get(AuthType type) {
        SignInMethod method = byType.get(type);
        if (method == null) {
            throw new UsageException("--authType " + type + " is not available in this build of m365.");
        }
        return method;
    }
}
