package dev.tollgate.audit;

import dev.tollgate.Sha256;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.SecureRandom;
import java.security.Signature;
import java.security.interfaces.EdECPrivateKey;
import java.security.spec.NamedParameterSpec;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.X509EncodedKeySpec;
import java.time.Instant;
import java.util.Base64;
import java.util.Optional;
import java.util.function.Function;

/**
 * The Ed25519 key that signs checkpoints. It lives outside the data directory (an attacker who can rewrite the log
 * must not also hold the key): in {@code TOLLGATE_SIGNING_KEY} (the PEM text) or in a PEM file (PKCS#8, as
 * {@code openssl genpkey -algorithm ed25519} writes it), by default {@code $XDG_CONFIG_HOME/tollgate/} or
 * {@code ~/.config/tollgate/checkpoint-signing.pem}, created on first use. The public key is written beside the
 * file as {@code checkpoint-signing.pub.pem} for auditors and witnesses.
 */
public final class CheckpointKey {
    public static final String KEY_VARIABLE = "TOLLGATE_SIGNING_KEY";
    public static final String FILE_VARIABLE = "TOLLGATE_SIGNING_KEY_FILE";
    private static final String ALGORITHM = "Ed25519";
    private static final String FILE_NAME = "checkpoint-signing.pem";

    private final PrivateKey privateKey;
    private final PublicKey publicKey;

    private CheckpointKey(PrivateKey privateKey, PublicKey publicKey) {
        this.privateKey = privateKey;
        this.publicKey = publicKey;
    }

    /**
     * The key in {@code pem} when it is given, else the one in file, created with its directories (readable by
     * its owner only) when there is none. Either way the public key is written beside the file; a key in pem that
     * differs from one in file is refused, so that the exported public key always belongs to the file beside it.
     */
    public static CheckpointKey load(Optional<String> pem, Path file) throws IOException {
        CheckpointKey key;
        if (pem.isPresent()) {
            key = fromPem(pem.get(), KEY_VARIABLE);
            if (Files.exists(file) && !fromPem(Files.readString(file, StandardCharsets.US_ASCII), file.toString())
                    .publicKeyPem().equals(key.publicKeyPem())) {
                throw new IOException(KEY_VARIABLE + " holds another key than " + file + ", beside which its public"
                        + " key would be exported: set " + FILE_VARIABLE + " to a path of its own");
            }
        } else {
            if (!Files.exists(file)) {
                create(file);
            }
            key = fromPem(Files.readString(file, StandardCharsets.US_ASCII), file.toString());
        }
        Path publicFile = publicKeyFile(file);
        String publicPem = key.publicKeyPem();
        if (!Files.exists(publicFile) || !Files.readString(publicFile, StandardCharsets.US_ASCII).equals(publicPem)) {
            Files.createDirectories(publicFile.toAbsolutePath().getParent());
            Path temp = Files.createTempFile(publicFile.toAbsolutePath().getParent(), ".checkpoint", ".tmp");
            Files.writeString(temp, publicPem, StandardCharsets.US_ASCII);
            permit(temp, "rw-r--r--");
            Files.move(temp, publicFile, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        }
        return key;
    }

    /** The key file to use: {@value #FILE_VARIABLE} or the configured one, else the default outside any data directory. */
    public static Path file(String configured, Function<String, String> environment) {
        String named = Optional.ofNullable(environment.apply(FILE_VARIABLE)).orElse(configured);
        if (named != null && !named.isBlank()) {
            return Path.of(named);
        }
        String xdg = environment.apply("XDG_CONFIG_HOME");
        Path config = xdg != null && !xdg.isBlank() ? Path.of(xdg) : Path.of(System.getProperty("user.home"), ".config");
        return config.resolve("tollgate").resolve(FILE_NAME);
    }

    /** Where the public key of the key in file is exported: {@code name.pem} -> {@code name.pub.pem}. */
    public static Path publicKeyFile(Path file) {
        String name = file.getFileName().toString();
        String stem = name.endsWith(".pem") ? name.substring(0, name.length() - 4) : name;
        return file.resolveSibling(stem + ".pub.pem");
    }

    /** Reads a public key PEM file (an auditor's copy, or the exported one). */
    public static PublicKey readPublicKey(Path file) throws IOException {
        try {
            return KeyFactory.getInstance(ALGORITHM).generatePublic(new X509EncodedKeySpec(
                    Pem.decode(Files.readString(file, StandardCharsets.US_ASCII), Pem.PUBLIC, file.toString())));
        } catch (GeneralSecurityException e) {
            throw new IOException(file + " does not hold an Ed25519 public key", e);
        }
    }

    /** {@code ed25519:} and the first 16 hex digits of the SHA-256 of the key's X.509 encoding. */
    public static String keyId(PublicKey key) {
        return "ed25519:" + Sha256.hex(key.getEncoded()).substring(0, 16);
    }

    /** Whether checkpoint was signed by the private half of key. */
    public static boolean verifies(PublicKey key, Checkpoint checkpoint) {
        try {
            Signature verifier = Signature.getInstance(ALGORITHM);
            verifier.initVerify(key);
            verifier.update(checkpoint.signedBytes());
            return verifier.verify(Base64.getDecoder().decode(checkpoint.signature()));
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            return false;
        }
    }

    public Checkpoint sign(String stream, long seq, String headHash, Instant time) {
        Checkpoint unsigned = new Checkpoint(stream, seq, headHash, time.toString(), keyId(publicKey), "");
        try {
            Signature signer = Signature.getInstance(ALGORITHM);
            signer.initSign(privateKey);
            signer.update(unsigned.signedBytes());
            String signature = Base64.getEncoder().encodeToString(signer.sign());
            return new Checkpoint(stream, seq, headHash, unsigned.time(), unsigned.keyId(), signature);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Ed25519 signing failed", e);
        }
    }

    public PublicKey publicKey() {
        return publicKey;
    }

    public String publicKeyPem() {
        return Pem.encode(publicKey.getEncoded(), Pem.PUBLIC);
    }

    private static CheckpointKey fromPem(String pem, String source) throws IOException {
        try {
            PrivateKey key = KeyFactory.getInstance(ALGORITHM).generatePrivate(
                    new PKCS8EncodedKeySpec(Pem.decode(pem, Pem.PRIVATE, source)));
            byte[] seed = ((EdECPrivateKey) key).getBytes()
                    .orElseThrow(() -> new IOException(source + ": the private key's bytes cannot be read"));
            return new CheckpointKey(key, derive(seed).getPublic());
        } catch (GeneralSecurityException | ClassCastException e) {
            throw new IOException(source + " does not hold an Ed25519 private key (PKCS#8 PEM)", e);
        }
    }

    /** The key pair of an Ed25519 private key: the generator is handed the key's 32 bytes as its randomness. */
    private static KeyPair derive(byte[] seed) throws GeneralSecurityException {
        KeyPairGenerator generator = KeyPairGenerator.getInstance(ALGORITHM);
        generator.initialize(NamedParameterSpec.ED25519, new SecureRandom() {
            @Override
            public void nextBytes(byte[] bytes) {
                System.arraycopy(seed, 0, bytes, 0, bytes.length);
            }
        });
        return generator.generateKeyPair();
    }

    /** Writes a new key to a temporary file, then links it into place: two starts at once keep one key. */
    private static void create(Path file) throws IOException {
        Path dir = file.toAbsolutePath().getParent();
        Files.createDirectories(dir);
        KeyPair pair;
        try {
            pair = KeyPairGenerator.getInstance(ALGORITHM).generateKeyPair();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("the JDK has no Ed25519", e);
        }
        Path temp = Files.createTempFile(dir, ".checkpoint", ".tmp");
        try {
            permit(temp, "rw-------");
            Files.writeString(temp, Pem.encode(pair.getPrivate().getEncoded(), Pem.PRIVATE), StandardCharsets.US_ASCII);
            Files.createLink(file, temp);
        } catch (FileAlreadyExistsException createdMeanwhile) {
            // Another start created it first: use that one.
        } finally {
            Files.deleteIfExists(temp);
        }
    }

    private static void permit(Path file, String permissions) throws IOException {
        try {
            Files.setPosixFilePermissions(file, PosixFilePermissions.fromString(permissions));
        } catch (UnsupportedOperationException notPosix) {
            // Non-POSIX file systems keep their default permissions.
        }
    }

    /** PEM armour of DER bytes. */
    static final class Pem {
        static final String PRIVATE = "PRIVATE KEY";
        static final String PUBLIC = "PUBLIC KEY";

        private Pem() {
        }

        static String encode(byte[] der, String label) {
            return "-----BEGIN " + label + "-----\n" + Base64.getMimeEncoder(64, new byte[]{'\n'}).encodeToString(der)
                    + "\n-----END " + label + "-----\n";
        }

        static byte[] decode(String pem, String label, String source) throws IOException {
            String begin = "-----BEGIN " + label + "-----";
            String end = "-----END " + label + "-----";
            int from = pem.indexOf(begin);
            int to = pem.indexOf(end);
            if (from < 0 || to < from) {
                throw new IOException(source + " holds no PEM block '" + label + "'");
            }
            try {
                return Base64.getMimeDecoder().decode(pem.substring(from + begin.length(), to));
            } catch (IllegalArgumentException e) {
                throw new IOException(source + ": the PEM block '" + label + "' is not base64");
            }
        }
    }
}
