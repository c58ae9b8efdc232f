package org.cqpsuite.testinfra;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.Signature;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.cqpsuite.infra.SuiteTokens;
import org.junit.jupiter.api.Test;

class TestTokensTest {

    @Test
    void aTestTokenVerifiesAgainstThePublicKeyFileAndAWrongSignatureDoesNot() throws Exception {
        String location = TestTokens.publicKeyLocation();
        assertThat(location).startsWith("file:/");
        Path file = Path.of(location.substring("file:".length()));
        assertThat(Files.readString(file)).startsWith("-----BEGIN PUBLIC KEY-----");
        var publicKey = SuiteTokens.readPublicKey(file);
        assertThat(publicKey).isEqualTo(TestTokens.publicKey());

        for (String token : List.of(TestTokens.certifier("0018", "0247"), TestTokens.registrar(), TestTokens.admin(),
                TestTokens.expired("certifier", "0018"), TestTokens.token("nobody", List.of("18"), Duration.ofMinutes(1)))) {
            assertThat(verifies(token, publicKey)).as(token).isTrue();
        }
        assertThat(verifies(TestTokens.wrongSignature("admin"), publicKey)).isFalse();
        assertThat(verifies(TestTokens.wrongSignature("certifier", "0018"), publicKey)).isFalse();
    }

    @Test
    void theClaimsAreTheSuitesOnes() {
        String certifier = payload(TestTokens.certifier("0018", "0247"));
        assertThat(certifier).contains("\"iss\":\"cqp-suite\"", "\"sub\":\"certifier@test\"",
                "\"upn\":\"certifier@test\"", "\"groups\":[\"certifier\"]", "\"idcc\":[\"0018\",\"0247\"]",
                "\"iat\":", "\"exp\":", "\"jti\":");
        assertThat(payload(TestTokens.admin())).contains("\"groups\":[\"admin\"]", "\"idcc\":[]");
        assertThat(payload(TestTokens.registrar())).contains("\"groups\":[\"registrar\"]", "\"idcc\":[]");

        long now = Instant.now().getEpochSecond();
        assertThat(claim(TestTokens.certifier("0018"), "exp")).isBetween(now + 3590, now + 3610);
        assertThat(claim(TestTokens.expired("admin"), "exp")).isBetween(now - 3610, now - 3590);
    }

    @Test
    void theResourceGivesTheApplicationThePublicKeyAndTheIssuer() {
        RealInfrastructureResource resource = new RealInfrastructureResource();
        resource.init(Map.of("database", "tokens"));

        Map<String, String> config = resource.start();

        assertThat(config).containsEntry("mp.jwt.verify.publickey.location", TestTokens.publicKeyLocation())
                .containsEntry("mp.jwt.verify.issuer", "cqp-suite");
    }

    private static boolean verifies(String token, java.security.PublicKey key) throws Exception {
        String[] parts = token.split("\\.");
        Signature rs256 = Signature.getInstance("SHA256withRSA");
        rs256.initVerify(key);
        rs256.update((parts[0] + "." + parts[1]).getBytes(StandardCharsets.US_ASCII));
        return rs256.verify(Base64.getUrlDecoder().decode(parts[2]));
    }

    private static String payload(String token) {
        return new String(Base64.getUrlDecoder().decode(token.split("\\.")[1]), StandardCharsets.UTF_8);
    }

    private static long claim(String token, String name) {
        var matcher = java.util.regex.Pattern.compile("\"" + name + "\":(\\d+)").matcher(payload(token));
        assertThat(matcher.find()).isTrue();
        return Long.parseLong(matcher.group(1));
    }
}
