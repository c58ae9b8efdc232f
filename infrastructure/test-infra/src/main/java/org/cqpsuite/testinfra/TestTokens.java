package org.cqpsuite.testinfra;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyFactory;
import java.security.KeyPairGenerator;
import java.security.PublicKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.X509EncodedKeySpec;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import org.cqpsuite.infra.SuiteTokens;

/**
 * JWTs for tests, in the suite's format ({@link SuiteTokens}: RS256, {@code iss} = {@value SuiteTokens#ISSUER},
 * {@code groups} = [role], {@code idcc}), signed by one RSA key pair per JVM, kept in memory (the private key is
 * never written to disk). Its public key is written to a temporary PEM file, {@link #publicKeyLocation()}, which
 * {@link RealInfrastructureResource} gives every {@code @QuarkusTest} as {@code mp.jwt.verify.publickey.location}.
 *
 * <pre>
 * given().auth().oauth2(TestTokens.certifier("0018")).body(...).post("/certifications")...
 * given().header("Authorization", "Bearer " + TestTokens.expired("admin")).post(...).then().statusCode(401);
 * </pre>
 *
 * <p>Unlike {@link SuiteTokens#token}, {@link #token} checks neither the role nor the IDCCs, so a test can also send
 * what the suite would never issue (role {@code nobody}, IDCC {@code 18}).
 */
public final class TestTokens {

    /** Lifetime of the tokens of {@link #certifier}, {@link #registrar} and {@link #admin}. */
    public static final Duration DEFAULT_TTL = Duration.ofHours(1);

    private TestTokens() {
    }

    /** A certifier acting for these branches (IDCC, e.g. {@code "0018"}); subject {@code certifier@test}. */
    public static String certifier(String... idcc) {
        return token("certifier", List.of(idcc), DEFAULT_TTL);
    }

    /** A registrar (no IDCC); subject {@code registrar@test}. */
    public static String registrar() {
        return token("registrar", List.of(), DEFAULT_TTL);
    }

    /** An admin (no IDCC); subject {@code admin@test}. */
    public static String admin() {
        return token("admin", List.of(), DEFAULT_TTL);
    }

    /** A token for {@code role} and {@code idcc}, valid {@code ttl} from now; subject {@code <role>@test}. */
    public static String token(String role, List<String> idcc, Duration ttl) {
        return token(role, idcc, role + "@test", ttl);
    }

    /** The same with a subject of your choice ({@code sub} and {@code upn}). */
    public static String token(String role, List<String> idcc, String subject, Duration ttl) {
        return SuiteTokens.sign(Keys.PAIR.getPrivate(),
                SuiteTokens.claims(role, idcc, subject, Instant.now(), ttl));
    }

    /**
     * A token signed by the right key that expired an hour ago (issued two hours ago): well past smallrye-jwt's
     * default clock skew of 60 s.
     */
    public static String expired(String role, String... idcc) {
        return SuiteTokens.sign(Keys.PAIR.getPrivate(), SuiteTokens.claims(role, List.of(idcc), role + "@test",
                Instant.now().minus(Duration.ofHours(2)), Duration.ofHours(1)));
    }

    /** A valid-looking token signed by another key pair, which the services must reject. */
    public static String wrongSignature(String role, String... idcc) {
        return SuiteTokens.sign(Keys.OTHER.getPrivate(),
                SuiteTokens.claims(role, List.of(idcc), role + "@test", Instant.now(), DEFAULT_TTL));
    }

    /** The public key that verifies this JVM's test tokens. */
    public static PublicKey publicKey() {
        return Keys.PAIR.getPublic();
    }

    /**
     * Where the public key is, for {@code mp.jwt.verify.publickey.location}: {@code file:/abs/path.pem} (a
     * temporary file, deleted when the JVM exits).
     */
    public static String publicKeyLocation() {
        return "file:" + Keys.PUBLIC_PEM.toAbsolutePath();
    }

    /**
     * Created on first use, once per JVM. Quarkus may load this class in more than one class loader of the same
     * JVM (the test resource's and the test's), so the pair and the file are kept in system properties
     * ({@code cqp.test.jwt.*}), not in a static field alone: every copy of this class signs with the same key.
     */
    private static final class Keys {
        private static final String PRIVATE_PROPERTY = "cqp.test.jwt.private-key";
        private static final String PUBLIC_PROPERTY = "cqp.test.jwt.public-key";
        private static final String FILE_PROPERTY = "cqp.test.jwt.public-key-file";

        static final KeyPair PAIR;
        static final Path PUBLIC_PEM;
        /** Any other pair will do: it only has to be the wrong one. */
        static final KeyPair OTHER = generate();

        static {
            synchronized (System.getProperties()) { // the same object for every class loader
                if (System.getProperty(PRIVATE_PROPERTY) == null) {
                    KeyPair pair = generate();
                    Path file = writePublicKey(pair.getPublic());
                    System.setProperty(PUBLIC_PROPERTY, Base64.getEncoder().encodeToString(pair.getPublic().getEncoded()));
                    System.setProperty(FILE_PROPERTY, file.toAbsolutePath().toString());
                    System.setProperty(PRIVATE_PROPERTY, Base64.getEncoder().encodeToString(pair.getPrivate().getEncoded()));
                }
                try {
                    KeyFactory rsa = KeyFactory.getInstance("RSA");
                    PAIR = new KeyPair(
                            rsa.generatePublic(new X509EncodedKeySpec(
                                    Base64.getDecoder().decode(System.getProperty(PUBLIC_PROPERTY)))),
                            rsa.generatePrivate(new PKCS8EncodedKeySpec(
                                    Base64.getDecoder().decode(System.getProperty(PRIVATE_PROPERTY)))));
                } catch (GeneralSecurityException e) {
                    throw new IllegalStateException("cannot read the test JWT keys: " + e.getMessage(), e);
                }
                PUBLIC_PEM = Path.of(System.getProperty(FILE_PROPERTY));
            }
        }

        private static KeyPair generate() {
            try {
                KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
                generator.initialize(2048);
                return generator.generateKeyPair();
            } catch (GeneralSecurityException e) {
                throw new IllegalStateException("cannot generate an RSA key pair: " + e.getMessage(), e);
            }
        }

        private static Path writePublicKey(PublicKey key) {
            try {
                Path file = Files.createTempFile("cqp-test-jwt-public-", ".pem");
                file.toFile().deleteOnExit();
                Files.writeString(file, SuiteTokens.toPem("PUBLIC KEY", key.getEncoded()));
                return file;
            } catch (IOException e) {
                throw new UncheckedIOException("cannot write the test JWT public key: " + e.getMessage(), e);
            }
        }
    }
}
