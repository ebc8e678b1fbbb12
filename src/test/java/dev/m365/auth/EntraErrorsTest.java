package dev.m365.auth;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;

import dev.m365.error.EntraError;
import dev.m365.error.EntraException;
import dev.m365.error.EntraFailure;
import dev.m365.error.ExitCode;
import dev.m365.error.ExitCodes;

class EntraErrorsTest {

    private static EntraError error(String error, int code, String description) {
        return new EntraError(error, "AADSTS" + code + ": " + description + " Trace ID: t Correlation ID: c Timestamp: x",
                List.of(code), "t", "c", "x");
    }

    @Test
    void knownCodesGetTheirClassMessageAndFix() {
        EntraException bad = EntraErrors.exception(error("invalid_grant", 50126, "Error validating credentials."),
                EntraErrors.Stage.SIGN_IN, "Sign-in failed");
        assertThat(bad.failure()).isEqualTo(EntraFailure.BAD_CREDENTIALS);
        assertThat(bad.getMessage()).startsWith("Sign-in failed: the user name or password is wrong (AADSTS50126).")
                .contains("To fix:").doesNotContain("Trace ID");
        assertThat(ExitCodes.of(bad)).isEqualTo(ExitCode.BAD_CREDENTIALS);

        assertThat(EntraErrors.exception(error("invalid_grant", 50076, "MFA"), EntraErrors.Stage.SIGN_IN, "x")
                .failure()).isEqualTo(EntraFailure.INTERACTION_REQUIRED);
        assertThat(EntraErrors.exception(error("invalid_grant", 65001, "consent"), EntraErrors.Stage.SIGN_IN, "x")
                .getMessage()).contains("m365 --reconsent");
        assertThat(EntraErrors.exception(error("unauthorized_client", 700016, "app"), EntraErrors.Stage.SIGN_IN, "x")
                .failure()).isEqualTo(EntraFailure.APP_OR_TENANT_UNKNOWN);
    }

    @Test
    void aRenewalThatNeedsTheUserIsAnExpiredLogin() {
        EntraException mfa = EntraErrors.exception(error("invalid_grant", 50076, "MFA"), EntraErrors.Stage.RENEWAL,
                "Cannot get a token");
        assertThat(mfa.failure()).isEqualTo(EntraFailure.LOGIN_EXPIRED);
        assertThat(ExitCodes.of(mfa)).isEqualTo(ExitCode.LOGIN_EXPIRED);
        assertThat(EntraErrors.exception(error("invalid_grant", 700082, "expired"), EntraErrors.Stage.RENEWAL, "x")
                .getMessage()).contains("m365 login");
    }

    @Test
    void unknownCodesKeepEntrasSentence() {
        EntraException other = EntraErrors.exception(error("invalid_request", 123456, "Something new happened."),
                EntraErrors.Stage.SIGN_IN, "Sign-in failed");
        assertThat(other.getMessage()).contains("Something new happened.").contains("AADSTS123456");
    }
}
