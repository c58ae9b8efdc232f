package org.cqpsuite.infra;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.File;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.Signature;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SuiteTokensTest {

    @TempDir
    Path dir;

    @Test
    void keysAreCreatedOnceThenReused() throws Exception {
        Path keys = dir.resolve("home/keys");

        KeyPair first = SuiteTokens.loadOrCreate(keys);
        String publicPem = Files.readString(keys.resolve("jwt-public.pem"));
        String privatePem = Files.readString(keys.resolve("jwt-private.pem"));
        KeyPair second = SuiteTokens.loadOrCreate(keys);

        assertThat(second.getPublic()).isEqualTo(first.getPublic());
        assertThat(second.getPrivate().getEncoded()).isEqualTo(first.getPrivate().getEncoded());
        assertThat(Files.readString(keys.resolve("jwt-public.pem"))).isEqualTo(publicPem);
        assertThat(Files.readString(keys.resolve("jwt-private.pem"))).isEqualTo(privatePem);
        assertThat(publicPem).startsWith("-----BEGIN PUBLIC KEY-----\n").endsWith("-----END PUBLIC KEY-----\n");
        assertThat(privatePem).startsWith("-----BEGIN PRIVATE KEY-----\n").endsWith("-----END PRIVATE KEY-----\n");
        assertThat(first.getPublic().getAlgorithm()).isEqualTo("RSA");
        assertThat(((java.security.interfaces.RSAPublicKey) first.getPublic()).getModulus().bitLength()).isEqualTo(2048);
        assertThat(SuiteTokens.readPublicKey(keys.resolve("jwt-public.pem"))).isEqualTo(first.getPublic());
        try (var files = Files.list(keys)) {
            assertThat(files.map(p -> p.getFileName().toString()))
                    .containsExactlyInAnyOrder("jwt-private.pem", "jwt-public.pem", ".lock");
        }
    }

    @Test
    void onlyTheOwnerCanReadThePrivateKey() throws Exception {
        Path keys = dir.resolve("keys");
        SuiteTokens.loadOrCreate(keys);

        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(keys.resolve("jwt-private.pem"))))
                .isEqualTo("rw-------");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(keys))).isEqualTo("rwx------");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(keys.resolve("jwt-public.pem"))))
                .isEqualTo("rw-r--r--");
    }

    @Test
    void aDeletedPublicKeyIsRewrittenFromThePrivateKey() throws Exception {
        Path keys = dir.resolve("keys");
        KeyPair first = SuiteTokens.loadOrCreate(keys);
        Files.delete(keys.resolve("jwt-public.pem"));

        assertThat(SuiteTokens.loadOrCreate(keys).getPublic()).isEqualTo(first.getPublic());
        assertThat(SuiteTokens.readPublicKey(keys.resolve("jwt-public.pem"))).isEqualTo(first.getPublic());
    }

    @Test
    void aTokenVerifiesWithThePublicKeyAndCarriesExactlyTheExpectedClaims() throws Exception {
        KeyPair keys = SuiteTokens.loadOrCreate(dir.resolve("keys"));
        long before = Instant.now().getEpochSecond();

        String token = SuiteTokens.token(keys.getPrivate(), "certifier", List.of("0018", "0247"), "jane@branch",
                Duration.ofHours(8));

        String[] parts = token.split("\\.", -1);
        assertThat(parts).hasSize(3);
        for (String part : parts) {
            assertThat(part).matches("[A-Za-z0-9_-]+");
        }
        Signature rs256 = Signature.getInstance("SHA256withRSA");
        rs256.initVerify(keys.getPublic());
        rs256.update((parts[0] + "." + parts[1]).getBytes(StandardCharsets.US_ASCII));
        assertThat(rs256.verify(Base64.getUrlDecoder().decode(parts[2]))).isTrue();

        assertThat(Json.parse(decode(parts[0]))).isEqualTo(Map.of("alg", "RS256", "typ", "JWT"));
        Map<String, Object> claims = Json.object(decode(parts[1]));
        assertThat(claims.keySet()).containsExactly("iss", "sub", "upn", "groups", "idcc", "iat", "exp", "jti");
        assertThat(claims).containsEntry("iss", "cqp-suite")
                .containsEntry("sub", "jane@branch")
                .containsEntry("upn", "jane@branch")
                .containsEntry("groups", List.of("certifier"))
                .containsEntry("idcc", List.of("0018", "0247"));
        long iat = ((Number) claims.get("iat")).longValue();
        assertThat(iat).isBetween(before, Instant.now().getEpochSecond());
        assertThat(((Number) claims.get("exp")).longValue()).isEqualTo(iat + 8 * 3600);
        assertThat((String) claims.get("jti")).matches("[0-9a-f-]{36}");
        assertThat(SuiteTokens.verifies(token, keys.getPublic())).isTrue();
    }

    @Test
    void registrarAndAdminTokensHaveAnEmptyIdccListAndADefaultSubject() throws Exception {
        KeyPair keys = SuiteTokens.loadOrCreate(dir.resolve("keys"));

        Map<String, Object> claims = Json.object(decode(
                SuiteTokens.token(keys.getPrivate(), "admin", null, null, Duration.ofMinutes(5)).split("\\.")[1]));

        assertThat(claims).containsEntry("sub", "admin@local").containsEntry("upn", "admin@local")
                .containsEntry("groups", List.of("admin")).containsEntry("idcc", List.of());
        assertThat(((Number) claims.get("exp")).longValue() - ((Number) claims.get("iat")).longValue()).isEqualTo(300);
    }

    @Test
    void anotherKeyDoesNotVerifyATokenAndATamperedTokenFails() throws Exception {
        KeyPair keys = SuiteTokens.loadOrCreate(dir.resolve("keys"));
        KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
        generator.initialize(2048);
        KeyPair other = generator.generateKeyPair();
        String token = SuiteTokens.token(keys.getPrivate(), "registrar", List.of(), null, Duration.ofHours(1));

        assertThat(SuiteTokens.verifies(token, other.getPublic())).isFalse();
        String[] parts = token.split("\\.");
        String forged = parts[0] + "." + Base64.getUrlEncoder().withoutPadding().encodeToString(
                decode(parts[1]).replace("registrar", "admin").getBytes(StandardCharsets.UTF_8)) + "." + parts[2];
        assertThat(SuiteTokens.verifies(forged, keys.getPublic())).isFalse();
    }

    @Test
    void theLibraryRejectsAnUnknownRoleAMalformedIdccAndANonPositiveLifetime() throws Exception {
        KeyPair keys = SuiteTokens.loadOrCreate(dir.resolve("keys"));

        assertThatThrownBy(() -> SuiteTokens.token(keys.getPrivate(), "nobody", List.of(), null, Duration.ofHours(1)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("unknown role 'nobody'");
        for (String idcc : List.of("18", "00180", "AB12", "", " 0018")) {
            assertThatThrownBy(() -> SuiteTokens.token(keys.getPrivate(), "certifier", List.of(idcc), null,
                    Duration.ofHours(1)))
                    .as(idcc).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("malformed IDCC");
        }
        assertThatThrownBy(() -> SuiteTokens.token(keys.getPrivate(), "admin", List.of(), null, Duration.ZERO))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void theJsonWriterEscapesStringsAndWritesNumbersBooleansListsAndMaps() {
        Map<String, Object> value = new LinkedHashMap<>();
        value.put("s", "quote \" backslash \\ newline \n tab \t control \u0001 é");
        value.put("n", 42);
        value.put("l", 1_700_000_000_000L);
        value.put("d", 1.5);
        value.put("t", true);
        value.put("f", false);
        value.put("z", null);
        value.put("list", List.of("a", 1, List.of()));
        value.put("map", Map.of("k", "v"));

        String json = SuiteTokens.json(value);

        assertThat(json).isEqualTo("{\"s\":\"quote \\\" backslash \\\\ newline \\n tab \\t control \\u0001 é\","
                + "\"n\":42,\"l\":1700000000000,\"d\":1.5,\"t\":true,\"f\":false,\"z\":null,"
                + "\"list\":[\"a\",1,[]],\"map\":{\"k\":\"v\"}}");
        assertThat(Json.parse(json)).isEqualTo(value);
        assertThatThrownBy(() -> SuiteTokens.json(List.of(Double.NaN))).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> SuiteTokens.json(List.of(new Object()))).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void mainPrintsOnlyTheTokenAndReusesTheKeys() throws Exception {
        Path home = dir.resolve("home");
        Run keys = run("--home", home.toString(), "keys");
        assertThat(keys.code()).as(keys.err()).isZero();
        assertThat(keys.out().trim()).isEqualTo(home.resolve("keys/jwt-public.pem").toString());
        String publicPem = Files.readString(home.resolve("keys/jwt-public.pem"));

        Run token = run("--home", home.toString(), "token", "--role", "certifier", "--idcc", "0018, 0247",
                "--subject", "jane@branch", "--ttl", "PT30M");

        assertThat(token.code()).as(token.err()).isZero();
        assertThat(token.err()).isEmpty();
        assertThat(token.out()).matches("[A-Za-z0-9_-]+\\.[A-Za-z0-9_-]+\\.[A-Za-z0-9_-]+\\R");
        assertThat(Files.readString(home.resolve("keys/jwt-public.pem"))).isEqualTo(publicPem);
        String jwt = token.out().trim();
        assertThat(SuiteTokens.verifies(jwt, SuiteTokens.readPublicKey(home.resolve("keys/jwt-public.pem")))).isTrue();
        Map<String, Object> claims = Json.object(decode(jwt.split("\\.")[1]));
        assertThat(claims).containsEntry("idcc", List.of("0018", "0247")).containsEntry("sub", "jane@branch")
                .containsEntry("groups", List.of("certifier"));
        assertThat(((Number) claims.get("exp")).longValue() - ((Number) claims.get("iat")).longValue())
                .isEqualTo(1800);
    }

    @Test
    void mainRejectsABadRoleABadIdccAndBadArgumentsWithExitCode2() {
        String home = dir.resolve("home").toString();
        Map<List<String>, String> cases = new LinkedHashMap<>();
        cases.put(List.of("--home", home, "token", "--role", "nobody"), "unknown role 'nobody'");
        cases.put(List.of("--home", home, "token", "--role", "certifier", "--idcc", "0018,247"), "malformed IDCC '247'");
        cases.put(List.of("--home", home, "token", "--role", "certifier", "--idcc", "0018,,0247"), "malformed IDCC ''");
        cases.put(List.of("--home", home, "token", "--role", "certifier", "--idcc", "18A0"), "malformed IDCC '18A0'");
        cases.put(List.of("--home", home, "token"), "--role is required");
        cases.put(List.of("--home", home, "token", "--role", "admin", "--ttl", "8h"), "ISO-8601");
        cases.put(List.of("--home", home, "token", "--role", "admin", "--ttl", "-PT1H"), "must be positive");
        cases.put(List.of("token", "--role", "admin"), "--home is required");
        cases.put(List.of("--home", home), "a command is required");
        cases.put(List.of("--home", home, "sign"), "unknown command sign");
        cases.put(List.of("--home", home, "token", "--role"), "missing value after --role");
        for (var c : cases.entrySet()) {
            Run run = run(c.getKey().toArray(String[]::new));
            assertThat(run.code()).as(c.getKey().toString()).isEqualTo(2);
            assertThat(run.out()).as(c.getKey().toString()).isEmpty();
            assertThat(run.err()).as(c.getKey().toString()).startsWith("cqp-tokens: ").contains(c.getValue())
                    .contains("usage:");
        }
        // a rejected request creates no key either
        assertThat(dir.resolve("home/keys/jwt-private.pem")).doesNotExist();
    }

    @Test
    void theMainRunsInItsOwnJvmWithTheExitCodeAScriptSees() throws Exception {
        Path home = dir.resolve("home");
        Process ok = java("--home", home.toString(), "token", "--role", "registrar");
        String out = new String(ok.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(ok.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(ok.exitValue()).isZero();
        assertThat(out).matches("[A-Za-z0-9_-]+\\.[A-Za-z0-9_-]+\\.[A-Za-z0-9_-]+\\R");

        Process bad = java("--home", home.toString(), "token", "--role", "nobody");
        String err = new String(bad.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(bad.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(bad.exitValue()).isEqualTo(2);
        assertThat(err).contains("cqp-tokens: unknown role 'nobody'");
    }

    // ------------------------------------------------------------------------------------------------ helpers

    record Run(int code, String out, String err) {
    }

    private static Run run(String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code = SuiteTokens.run(args, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
        return new Run(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    private static Process java(String... args) throws Exception {
        Path build = Path.of(System.getProperty("cqp.test.build.directory", "target"));
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", build.resolve("classes").toString() + File.pathSeparator,
                "org.cqpsuite.infra.SuiteTokens"));
        command.addAll(List.of(args));
        Process process = new ProcessBuilder(command).start();
        process.getOutputStream().close();
        return process;
    }

    private static String decode(String part) {
        return new String(Base64.getUrlDecoder().decode(part), StandardCharsets.UTF_8);
    }

    /** Just enough JSON reading to check what SuiteTokens writes: objects keep their order, integers are Longs. */
    static final class Json {
        private final String text;
        private int pos;

        private Json(String text) {
            this.text = text;
        }

        @SuppressWarnings("unchecked")
        static Map<String, Object> object(String text) {
            return (Map<String, Object>) parse(text);
        }

        static Object parse(String text) {
            Json json = new Json(text);
            Object value = json.value();
            json.space();
            if (json.pos != text.length()) {
                throw new IllegalArgumentException("trailing characters at " + json.pos + ": " + text);
            }
            return value;
        }

        private Object value() {
            space();
            char c = text.charAt(pos);
            if (c == '{') {
                Map<String, Object> map = new LinkedHashMap<>();
                pos++;
                space();
                if (text.charAt(pos) == '}') {
                    pos++;
                    return map;
                }
                while (true) {
                    space();
                    String key = string();
                    space();
                    expect(':');
                    map.put(key, value());
                    space();
                    if (text.charAt(pos) == ',') {
                        pos++;
                    } else {
                        expect('}');
                        return map;
                    }
                }
            }
            if (c == '[') {
                List<Object> list = new ArrayList<>();
                pos++;
                space();
                if (text.charAt(pos) == ']') {
                    pos++;
                    return list;
                }
                while (true) {
                    list.add(value());
                    space();
                    if (text.charAt(pos) == ',') {
                        pos++;
                    } else {
                        expect(']');
                        return list;
                    }
                }
            }
            if (c == '"') {
                return string();
            }
            for (var literal : Map.of("true", Boolean.TRUE, "false", Boolean.FALSE).entrySet()) {
                if (text.startsWith(literal.getKey(), pos)) {
                    pos += literal.getKey().length();
                    return literal.getValue();
                }
            }
            if (text.startsWith("null", pos)) {
                pos += 4;
                return null;
            }
            int start = pos;
            while (pos < text.length() && "+-0123456789.eE".indexOf(text.charAt(pos)) >= 0) {
                pos++;
            }
            String number = text.substring(start, pos);
            if (number.isEmpty()) {
                throw new IllegalArgumentException("unexpected '" + c + "' at " + start);
            }
            if (number.matches("-?\\d+")) {
                long l = Long.parseLong(number);
                return l == (int) l ? (Object) (int) l : (Object) l;
            }
            return Double.parseDouble(number);
        }

        private String string() {
            expect('"');
            StringBuilder out = new StringBuilder();
            while (true) {
                char c = text.charAt(pos++);
                if (c == '"') {
                    return out.toString();
                }
                if (c != '\\') {
                    out.append(c);
                    continue;
                }
                char e = text.charAt(pos++);
                switch (e) {
                    case 'n' -> out.append('\n');
                    case 'r' -> out.append('\r');
                    case 't' -> out.append('\t');
                    case 'b' -> out.append('\b');
                    case 'f' -> out.append('\f');
                    case 'u' -> {
                        out.append((char) Integer.parseInt(text.substring(pos, pos + 4), 16));
                        pos += 4;
                    }
                    default -> out.append(e);
                }
            }
        }

        private void expect(char c) {
            if (text.charAt(pos) != c) {
                throw new IllegalArgumentException("expected '" + c + "' at " + pos + ": " + text);
            }
            pos++;
        }

        private void space() {
            while (pos < text.length() && Character.isWhitespace(text.charAt(pos))) {
                pos++;
            }
        }
    }
}
