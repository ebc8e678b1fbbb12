package dev.m365.auth;

import dev.m365.connection.AuthType;

/** One way of signing in to Entra; one class per method. */
public interface SignInMethod {

    AuthType type();

    /**
     * Signs in interactively or not, as the method does.
     *
     * @throws dev.m365.error.M365Exception with the failure's class (declined, timed out, bad credentials, ...)
     */
    SignInResult signIn(SignInRequest request);
}
