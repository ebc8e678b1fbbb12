package dev.m365.log;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class RedactorTest {

    private final Redactor redactor = new Redactor();

    @Test
    void jwtsFormParametersJsonFieldsAndHeadersAreMasked() {
        String jwt = "eyJhbGciOiJSUzI1NiJ9.eyJzdWIiOiJhbGljZSJ9.c2lnbmF0dXJlLXNpZ25hdHVyZQ";
        String text = "token " + jwt + "\nclient_id=app&client_secret=s3cr3t&refresh_token=1.ARoAbc&scope=x"
                + "\n{\"access_token\":\"abc\",\"refresh_token\":\"def\",\"expires_in\":3599}"
                + "\nAuthorization: Bearer abcdefghijklmnop\nX-IDENTITY-HEADER: hdr-secret"
                + "\nproxy http://user:pa55word@proxy:3128";
        String out = redactor.redact(text);
        assertThat(out).doesNotContain(jwt, "s3cr3t", "1.ARoAbc", "\"abc\"", "\"def\"", "abcdefghijklmnop",
                "hdr-secret", "pa55word");
        assertThat(out).contains("client_id=app", "scope=x", "\"expires_in\":3599");
    }

    @Test
    void registeredLiteralsAreMaskedAnywhere() {
        redactor.register("correct horse battery");
        assertThat(redactor.redact("password was correct horse battery!")).isEqualTo("password was ***!");
    }

    @Test
    void shortLiteralsDoNotMaskOrdinaryWords() {
        redactor.register("wrong");
        assertThat(redactor.redact("the password is wrong")).isEqualTo("the password is wrong");
    }

    @Test
    void errorCodesInUrlsStayReadable() {
        assertThat(redactor.redact("https://login.microsoftonline.com/error?code=700016")).endsWith("code=700016");
        assertThat(redactor.redact("http://127.0.0.1:1234/?code=0.AXoAabcdefghijklmnopqrstuvwxyz&state=s"))
                .contains("code=***");
    }
}
