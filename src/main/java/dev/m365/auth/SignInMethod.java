package dev.m365.auth;

import dev.m365.connection.AuthType;
import dev.m365.connection.Connection;

/** One way of signing in to Entra, and of renewing that sign-in's tokens silently; one class per method. */
public interface SignInMethod {

    AuthType type();

    /**
     * Signs in, interactively or not as the method does.
     *
     * @throws dev.m365.error.M365Exception with the failure's class (declined, timed out, bad credentials, ...)
     */
    SignInResult signIn(SignInRequest request);

    /**
     * A token for {@code target} from what {@code connection} keeps, without the user: a refresh token, or the
     * app credential again.
     *
     * @throws dev.m365.error.LoginExpiredException when only a new sign-in can help
     */
    TokenRenewal.Renewed renew(Connection connection, TokenTarget target);
}
