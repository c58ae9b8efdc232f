package org.cqpsuite.infra;

import java.io.IOException;
import java.io.PrintStream;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.InvalidKeyException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.Signature;
import java.security.SignatureException;
import java.security.interfaces.RSAPrivateCrtKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.RSAPublicKeySpec;
import java.security.spec.X509EncodedKeySpec;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * The suite's JWTs: an RSA key pair under the suite home and RS256-signed tokens that the services verify with
 * MicroProfile JWT (smallrye-jwt). JDK only.
 *
 * <p>Claims of a token: {@code iss} = {@value #ISSUER}, {@code sub} and {@code upn} (the user name, by default
 * {@code <role>@local}), {@code groups} = [the role], {@code idcc} = the IDCCs the user acts for (a JSON array of
 * 4-digit strings, empty for registrar and admin), {@code iat}, {@code exp} and {@code jti}.
 *
 * <pre>
 * java -cp target/classes org.cqpsuite.infra.SuiteTokens --home &lt;suite home&gt; keys
 * java -cp target/classes org.cqpsuite.infra.SuiteTokens --home &lt;suite home&gt; token --role certifier \
 *      --idcc 0018,0247 [--subject jane@branch] [--ttl PT8H]
 * </pre>
 *
 * <p>{@code keys} creates {@code <home>/keys/jwt-private.pem} (PKCS#8, mode 0600) and {@code jwt-public.pem} (X.509
 * SubjectPublicKeyInfo) when missing and prints the public key's path; {@code token} does the same and prints only the
 * token. Exit codes: 2 for bad arguments (unknown role, an IDCC that is not 4 digits, a bad duration), 1 for an I/O
 * or key failure.
 */
public final class SuiteTokens {

    /** The {@code iss} of every token; the services set {@code mp.jwt.verify.issuer} to it. */
    public static final String ISSUER = "cqp-suite";
    /** The roles a token may carry, as its only {@code groups} entry. */
    public static final List<String> ROLES = List.of("certifier", "registrar", "admin");
    /** Lifetime of a suite token unless {@code --ttl} says otherwise. */
    public static final Duration DEFAULT_TTL = Duration.ofHours(8);
    public static final String PRIVATE_KEY_FILE = "jwt-private.pem";
    public static final String PUBLIC_KEY_FILE = "jwt-public.pem";
    /** Where the key pair lives under a suite home. */
    public static final String KEYS_DIR = "keys";

    private static final Pattern IDCC = Pattern.compile("\\d{4}");
    private static final Base64.Encoder BASE64URL = Base64.getUrlEncoder().withoutPadding();
    private static final String HEADER = "{\"alg\":\"RS256\",\"typ\":\"JWT\"}";
    private static final String USAGE = """
            usage: SuiteTokens --home <suite home> keys
                   SuiteTokens --home <suite home> token --role certifier|registrar|admin [--idcc 0018,0247] \
            [--subject <user>] [--ttl PT8H]""";

    private SuiteTokens() {
    }

    // ---------------------------------------------------------------------------------------------------- keys

    /**
     * The key pair of {@code keysDir}: created on first use (RSA 2048; {@value #PRIVATE_KEY_FILE} with mode 0600,
     * {@value #PUBLIC_KEY_FILE}), read afterwards. A missing or stale public key file is rewritten from the private
     * key. Safe against a concurrent first use by another process (a lock file in {@code keysDir}).
     */
    public static KeyPair loadOrCreate(Path keysDir) throws IOException {
        boolean posix = FileSystems.getDefault().supportedFileAttributeViews().contains("posix");
        keysDir = keysDir.toAbsolutePath().normalize();
        if (!Files.isDirectory(keysDir)) {
            Files.createDirectories(keysDir.getParent());
            try {
                // Only the keys folder is private (rwx------); the folders above it keep the umask's mode.
                Files.createDirectory(keysDir, posix
                        ? new FileAttribute<?>[] {PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------"))}
                        : new FileAttribute<?>[0]);
            } catch (FileAlreadyExistsException e) {
                // created meanwhile by another process: fine
            }
        }
        Path privateFile = keysDir.resolve(PRIVATE_KEY_FILE);
        Path publicFile = keysDir.resolve(PUBLIC_KEY_FILE);
        try (FileChannel lockChannel = FileChannel.open(keysDir.resolve(".lock"), StandardOpenOption.CREATE,
                StandardOpenOption.WRITE);
                FileLock ignored = lockChannel.lock()) {
            KeyFactory rsa = KeyFactory.getInstance("RSA");
            if (Files.exists(privateFile)) {
                PrivateKey privateKey = rsa.generatePrivate(
                        new PKCS8EncodedKeySpec(fromPem(Files.readString(privateFile), "PRIVATE KEY", privateFile)));
                if (!(privateKey instanceof RSAPrivateCrtKey crt)) {
                    throw new IOException(privateFile + " is not an RSA private key with its public exponent");
                }
                if (posix) {
                    Files.setPosixFilePermissions(privateFile, PosixFilePermissions.fromString("rw-------"));
                }
                PublicKey publicKey = rsa.generatePublic(new RSAPublicKeySpec(crt.getModulus(), crt.getPublicExponent()));
                String publicPem = toPem("PUBLIC KEY", publicKey.getEncoded());
                if (!Files.exists(publicFile) || !Files.readString(publicFile).equals(publicPem)) {
                    writeAtomically(publicFile, publicPem, null);
                }
                return new KeyPair(publicKey, privateKey);
            }
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            KeyPair pair = generator.generateKeyPair();
            writeAtomically(privateFile, toPem("PRIVATE KEY", pair.getPrivate().getEncoded()),
                    posix ? PosixFilePermissions.fromString("rw-------") : null);
            writeAtomically(publicFile, toPem("PUBLIC KEY", pair.getPublic().getEncoded()), null);
            return pair;
        } catch (GeneralSecurityException e) {
            throw new IOException("cannot read or create the JWT keys in " + keysDir + ": " + e.getMessage(), e);
        }
    }

    /** The public key of a PEM file as {@link #loadOrCreate} writes it ({@code -----BEGIN PUBLIC KEY-----}). */
    public static PublicKey readPublicKey(Path pemFile) throws IOException {
        try {
            return KeyFactory.getInstance("RSA").generatePublic(
                    new X509EncodedKeySpec(fromPem(Files.readString(pemFile), "PUBLIC KEY", pemFile)));
        } catch (GeneralSecurityException e) {
            throw new IOException(pemFile + " is not an RSA public key: " + e.getMessage(), e);
        }
    }

    /** PEM text: the header, the DER bytes in base64 lines of 64 characters, the footer. */
    public static String toPem(String type, byte[] der) {
        String body = Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII)).encodeToString(der);
        return "-----BEGIN " + type + "-----\n" + body + "\n-----END " + type + "-----\n";
    }

    private static byte[] fromPem(String pem, String type, Path file) throws IOException {
        String begin = "-----BEGIN " + type + "-----";
        String end = "-----END " + type + "-----";
        int from = pem.indexOf(begin);
        int to = pem.indexOf(end);
        if (from < 0 || to < from) {
            throw new IOException(file + " is not a PEM file of type " + type);
        }
        try {
            return Base64.getMimeDecoder().decode(pem.substring(from + begin.length(), to));
        } catch (IllegalArgumentException e) {
            throw new IOException(file + " has a malformed PEM body: " + e.getMessage(), e);
        }
    }

    private static void writeAtomically(Path target, String content, Set<PosixFilePermission> permissions)
            throws IOException {
        Path temporary = permissions == null
                ? Files.createTempFile(target.getParent(), target.getFileName().toString(), ".tmp")
                : Files.createTempFile(target.getParent(), target.getFileName().toString(), ".tmp",
                        PosixFilePermissions.asFileAttribute(permissions));
        try {
            Files.writeString(temporary, content, StandardCharsets.US_ASCII);
            if (permissions == null && FileSystems.getDefault().supportedFileAttributeViews().contains("posix")) {
                Files.setPosixFilePermissions(temporary, PosixFilePermissions.fromString("rw-r--r--"));
            }
            Files.move(temporary, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } finally {
            Files.deleteIfExists(temporary);
        }
    }

    // ---------------------------------------------------------------------------------------------------- tokens

    /**
     * A suite token for {@code role} (one of {@link #ROLES}) acting for the branches {@code idcc} (4-digit strings;
     * {@code null} or empty for none), valid {@code ttl} from now. {@code subject} null or blank: {@code <role>@local}.
     *
     * @throws IllegalArgumentException for an unknown role, a malformed IDCC or a ttl that is not positive
     */
    public static String token(PrivateKey key, String role, List<String> idcc, String subject, Duration ttl) {
        requireRole(role);
        List<String> branches = idcc == null ? List.of() : idcc;
        branches.forEach(SuiteTokens::requireIdcc);
        if (ttl == null || ttl.isNegative() || ttl.isZero()) {
            throw new IllegalArgumentException("the lifetime of a token must be positive, not " + ttl);
        }
        String user = subject == null || subject.isBlank() ? role + "@local" : subject.trim();
        return sign(key, claims(role, branches, user, Instant.now(), ttl));
    }

    /**
     * The claims of a token, in this order: {@code iss}, {@code sub}, {@code upn}, {@code groups}, {@code idcc}
     * (always present, possibly empty), {@code iat}, {@code exp}, {@code jti}. No validation: tests use it to build
     * tokens the suite would never issue (expired, unknown role).
     */
    public static Map<String, Object> claims(String role, List<String> idcc, String subject, Instant issuedAt,
            Duration ttl) {
        Map<String, Object> claims = new LinkedHashMap<>();
        claims.put("iss", ISSUER);
        claims.put("sub", subject);
        claims.put("upn", subject);
        claims.put("groups", List.of(role));
        claims.put("idcc", idcc == null ? List.of() : List.copyOf(idcc));
        claims.put("iat", issuedAt.getEpochSecond());
        claims.put("exp", issuedAt.plus(ttl).getEpochSecond());
        claims.put("jti", UUID.randomUUID().toString());
        return claims;
    }

    /**
     * A compact JWS, RS256: {@code base64url(header).base64url(claims).base64url(signature)}, header
     * {@code {"alg":"RS256","typ":"JWT"}}. Claim values: strings, numbers, booleans, null, lists and maps of those.
     */
    public static String sign(PrivateKey key, Map<String, Object> claims) {
        String signingInput = BASE64URL.encodeToString(HEADER.getBytes(StandardCharsets.UTF_8)) + "."
                + BASE64URL.encodeToString(json(claims).getBytes(StandardCharsets.UTF_8));
        try {
            Signature rs256 = Signature.getInstance("SHA256withRSA");
            rs256.initSign(key);
            rs256.update(signingInput.getBytes(StandardCharsets.US_ASCII));
            return signingInput + "." + BASE64URL.encodeToString(rs256.sign());
        } catch (InvalidKeyException e) {
            throw new IllegalArgumentException("not an RSA private key: " + e.getMessage(), e);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("RS256 signing failed: " + e.getMessage(), e);
        }
    }

    /** Whether {@code token}'s RS256 signature is valid for {@code key} (the claims are not checked). */
    public static boolean verifies(String token, PublicKey key) {
        String[] parts = token.split("\\.", -1);
        if (parts.length != 3) {
            return false;
        }
        try {
            Signature rs256 = Signature.getInstance("SHA256withRSA");
            rs256.initVerify(key);
            rs256.update((parts[0] + "." + parts[1]).getBytes(StandardCharsets.US_ASCII));
            return rs256.verify(Base64.getUrlDecoder().decode(parts[2]));
        } catch (SignatureException | IllegalArgumentException e) {
            return false;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("RS256 verification failed: " + e.getMessage(), e);
        }
    }

    static void requireRole(String role) {
        if (role == null || !ROLES.contains(role)) {
            throw new IllegalArgumentException("unknown role '" + role + "' (expected one of "
                    + String.join(", ", ROLES) + ")");
        }
    }

    static void requireIdcc(String idcc) {
        if (idcc == null || !IDCC.matcher(idcc).matches()) {
            throw new IllegalArgumentException("malformed IDCC '" + idcc + "': an IDCC is 4 digits, e.g. 0018");
        }
    }

    /** A comma-separated IDCC list ({@code 0018,0247}); blank: none. */
    static List<String> parseIdccList(String list) {
        if (list == null || list.isBlank()) {
            return List.of();
        }
        List<String> idcc = new ArrayList<>();
        for (String item : list.split(",", -1)) {
            String trimmed = item.trim();
            requireIdcc(trimmed);
            if (!idcc.contains(trimmed)) {
                idcc.add(trimmed);
            }
        }
        return List.copyOf(idcc);
    }

    // ---------------------------------------------------------------------------------------------------- JSON

    static String json(Object value) {
        StringBuilder out = new StringBuilder();
        writeJson(out, value);
        return out.toString();
    }

    private static void writeJson(StringBuilder out, Object value) {
        if (value == null) {
            out.append("null");
        } else if (value instanceof CharSequence text) {
            writeString(out, text.toString());
        } else if (value instanceof Boolean) {
            out.append(value);
        } else if (value instanceof Integer || value instanceof Long || value instanceof Short
                || value instanceof Byte || value instanceof BigInteger) {
            out.append(value);
        } else if (value instanceof Double || value instanceof Float) {
            double d = ((Number) value).doubleValue();
            if (Double.isNaN(d) || Double.isInfinite(d)) {
                throw new IllegalArgumentException("JSON has no " + d);
            }
            out.append(value);
        } else if (value instanceof BigDecimal decimal) {
            out.append(decimal.toString());
        } else if (value instanceof Collection<?> items) {
            out.append('[');
            boolean first = true;
            for (Object item : items) {
                if (!first) {
                    out.append(',');
                }
                first = false;
                writeJson(out, item);
            }
            out.append(']');
        } else if (value instanceof Object[] items) {
            writeJson(out, Arrays.asList(items));
        } else if (value instanceof Map<?, ?> map) {
            out.append('{');
            boolean first = true;
            for (Map.Entry<?, ?> entry : map.entrySet()) {
                if (!(entry.getKey() instanceof String name)) {
                    throw new IllegalArgumentException("a JSON object key must be a string, not " + entry.getKey());
                }
                if (!first) {
                    out.append(',');
                }
                first = false;
                writeString(out, name);
                out.append(':');
                writeJson(out, entry.getValue());
            }
            out.append('}');
        } else {
            throw new IllegalArgumentException("cannot write a " + value.getClass().getName() + " as JSON: " + value);
        }
    }

    private static void writeString(StringBuilder out, String text) {
        out.append('"');
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                case '\b' -> out.append("\\b");
                case '\f' -> out.append("\\f");
                default -> {
                    if (c < 0x20 || c == '\u2028' || c == '\u2029') {
                        out.append(String.format("\\u%04x", (int) c));
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        out.append('"');
    }

    // ---------------------------------------------------------------------------------------------------- main

    public static void main(String[] args) {
        int code = run(args, System.out, System.err);
        System.out.flush();
        if (code != 0) {
            System.exit(code);
        }
    }

    /** The command line; returns the exit code (0, 1 for I/O or key failures, 2 for bad arguments). */
    static int run(String[] args, PrintStream out, PrintStream err) {
        Path home = null;
        String command = null;
        String role = null;
        String idcc = null;
        String subject = null;
        String ttl = null;
        try {
            for (int i = 0; i < args.length; i++) {
                String name = args[i];
                if (!name.startsWith("--")) {
                    if (command != null) {
                        throw new IllegalArgumentException("unexpected argument " + name);
                    }
                    command = name;
                    continue;
                }
                String value;
                int eq = name.indexOf('=');
                if (eq > 0) {
                    value = name.substring(eq + 1);
                    name = name.substring(0, eq);
                } else {
                    if (i + 1 >= args.length) {
                        throw new IllegalArgumentException("missing value after " + name);
                    }
                    value = args[++i];
                }
                switch (name) {
                    case "--home" -> home = Path.of(value).toAbsolutePath().normalize();
                    case "--role" -> role = value;
                    case "--idcc" -> idcc = value;
                    case "--subject" -> subject = value;
                    case "--ttl" -> ttl = value;
                    default -> throw new IllegalArgumentException("unknown option " + name);
                }
            }
            if (home == null) {
                throw new IllegalArgumentException("--home is required");
            }
            if (command == null) {
                throw new IllegalArgumentException("a command is required: keys or token");
            }
            Path keysDir = home.resolve(KEYS_DIR);
            switch (command) {
                case "keys" -> {
                    if (role != null || idcc != null || subject != null || ttl != null) {
                        throw new IllegalArgumentException("keys takes no --role, --idcc, --subject or --ttl");
                    }
                    loadOrCreate(keysDir);
                    out.println(keysDir.resolve(PUBLIC_KEY_FILE));
                }
                case "token" -> {
                    if (role == null) {
                        throw new IllegalArgumentException("--role is required (" + String.join(", ", ROLES) + ")");
                    }
                    requireRole(role);
                    List<String> branches = parseIdccList(idcc);
                    Duration lifetime = DEFAULT_TTL;
                    if (ttl != null) {
                        try {
                            lifetime = Duration.parse(ttl);
                        } catch (DateTimeParseException e) {
                            throw new IllegalArgumentException("--ttl is not an ISO-8601 duration (e.g. PT8H, PT30M): "
                                    + ttl);
                        }
                    }
                    if (lifetime.isNegative() || lifetime.isZero()) {
                        throw new IllegalArgumentException("the lifetime of a token must be positive, not " + ttl);
                    }
                    if (subject != null && subject.isBlank()) {
                        throw new IllegalArgumentException("--subject is blank");
                    }
                    KeyPair keys = loadOrCreate(keysDir);
                    out.println(token(keys.getPrivate(), role, branches, subject, lifetime));
                }
                default -> throw new IllegalArgumentException("unknown command " + command + " (keys or token)");
            }
            return 0;
        } catch (IllegalArgumentException e) {
            err.println("cqp-tokens: " + e.getMessage());
            err.println(USAGE);
            return 2;
        } catch (IOException | RuntimeException e) {
            err.println("cqp-tokens: " + e.getMessage());
            return 1;
        }
    }
}
