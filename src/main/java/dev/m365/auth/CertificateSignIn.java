package dev.m365.auth;

import java.time.Clock;
import java.util.Base64;
import java.util.Optional;

import jakarta.inject.Singleton;

import dev.m365.connection.AuthType;
import dev.m365.connection.Connection;
import dev.m365.connection.Credential;
import dev.m365.http.TokenReply;
import dev.m365.json.Json;

/** An app signs in as itself with a certificate: a signed client assertion, fresh for every token request. */
@Singleton
public class CertificateSignIn implements SignInMethod {

    private final ClientCredentialsGrant grant;
    private final Json json;
    private final Clock clock;

    public CertificateSignIn(ClientCredentialsGrant grant, Json json, Clock clock) {
        this.grant = grant;
        this.json = json;
        this.clock = clock;
    }

    @Override
    public AuthType type() {
        return AuthType.certificate;
    }

    @Override
    public SignInResult signIn(SignInRequest request) {
        MethodInput.Certificate input = (MethodInput.Certificate) request.input();
        TokenReply reply = grant.withAssertion(request.authority(), request.appId(), TokenTarget.of(request.resource()),
                assertion(input.material(), input.stored(), request.appId(), request.authority()),
                EntraErrors.Stage.SIGN_IN);
        return AppOnlyResults.of(reply, json, request.appId(), input.stored());
    }

    @Override
    public TokenRenewal.Renewed renew(Connection connection, TokenTarget target) {
        Credential.ClientCertificate stored = (Credential.ClientCertificate) connection.credential();
        CertificateMaterial material = Certificates.load(Base64.getDecoder().decode(stored.contentBase64()),
                Optional.ofNullable(stored.password()), "the stored certificate");
        Authority authority = Authorities.of(connection, target);
        TokenReply reply = grant.withAssertion(authority, connection.appId(), target,
                assertion(material, stored, connection.appId(), authority), EntraErrors.Stage.RENEWAL);
        return new TokenRenewal.Renewed(RefreshTokenGrant.token(target.resource(), reply), null);
    }

    private String assertion(CertificateMaterial material, Credential.ClientCertificate stored, String appId,
            Authority authority) {
        return ClientAssertions.sign(material, appId, authority.tokenUrl(), stored.algorithm(), stored.sendChain(),
                clock.instant().getEpochSecond());
    }
}
