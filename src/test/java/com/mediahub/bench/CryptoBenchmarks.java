package com.mediahub.bench;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import at.favre.lib.crypto.bcrypt.BCrypt;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

import com.mediahub.auth.token.control.AccessTokenService;
import com.mediahub.auth.token.control.TokenRejectedException;
import com.mediahub.auth.token.control.VerifiedAccessToken;
import com.mediahub.auth.token.keys.SigningAlgorithm;
import com.mediahub.auth.token.keys.SigningKeys;
import com.mediahub.auth.token.keys.SigningSecret;
import com.mediahub.auth.token.keys.TestKeys;
import com.mediahub.config.Settings;
import com.mediahub.security.CallerIdentity;

/**
 * JMH micro-benchmarks (run by bench/run.sh): what one Bearer check costs, its floor (the
 * HMAC-SHA256 of the same bytes), and what one Basic check costs (bcrypt at cost 10 and 12);
 * and the same check and the signing of a token with ES256 and RS256 keys (issue 7).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
public class CryptoBenchmarks {

    private static final String SECRET = "benchmark-secret-0123456789abcdef-0123456789";

    /** The full check on every call (the caches are off), so the numbers are the cryptography's. */
    private AccessTokenService tokens;
    /** What a repeated request pays: the verified-token cache's lookup. */
    private AccessTokenService cached;
    private String token;
    private byte[] signingInput;
    private Mac hmac;
    private byte[] password;
    private byte[] hash10;
    private byte[] hash12;
    private AccessTokenService es256;
    private String es256Token;
    private AccessTokenService rs256;
    private String rs256Token;
    private final CallerIdentity caller = new CallerIdentity(42, "benchmark-user", Set.of("user"), 7L);

    @Setup
    public void setUp() throws Exception {
        tokens = new AccessTokenService(Settings.defaults(), SigningKeys.hmac(new SigningSecret(SECRET, "benchmark")), false, Clock.systemUTC());
        cached = new AccessTokenService(Settings.defaults(), SigningKeys.hmac(new SigningSecret(SECRET, "benchmark")), true, Clock.systemUTC());
        token = tokens.issue(new CallerIdentity(42, "benchmark-user", Set.of("user"), 7L), 0, Instant.now());
        signingInput = token.substring(0, token.lastIndexOf('.')).getBytes(StandardCharsets.US_ASCII);
        hmac = Mac.getInstance("HmacSHA256");
        hmac.init(new SecretKeySpec(SECRET.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
        password = "correct horse battery staple".getBytes(StandardCharsets.UTF_8);
        hash10 = BCrypt.withDefaults().hash(10, password);
        hash12 = BCrypt.withDefaults().hash(12, password);
        es256 = new AccessTokenService(Settings.defaults(), keys(SigningAlgorithm.ES256), false, Clock.systemUTC());
        es256Token = es256.issue(caller, 0, Instant.now());
        rs256 = new AccessTokenService(Settings.defaults(), keys(SigningAlgorithm.RS256), false, Clock.systemUTC());
        rs256Token = rs256.issue(caller, 0, Instant.now());
    }

    /** A fresh key as the server would generate it (P-256; RSA 3072 bits). */
    private static SigningKeys keys(SigningAlgorithm algorithm) {
        return TestKeys.signingKeys(algorithm,
                algorithm == SigningAlgorithm.ES256 ? TestKeys.ec("secp256r1") : TestKeys.rsa(3072));
    }

    @Benchmark
    @OutputTimeUnit(TimeUnit.NANOSECONDS)
    public VerifiedAccessToken accessTokenVerificationRepeated() throws TokenRejectedException {
        return cached.verify(token);
    }

    @Benchmark
    @OutputTimeUnit(TimeUnit.NANOSECONDS)
    public VerifiedAccessToken accessTokenVerificationEs256() throws TokenRejectedException {
        return es256.verify(es256Token);
    }

    @Benchmark
    @OutputTimeUnit(TimeUnit.NANOSECONDS)
    public VerifiedAccessToken accessTokenVerificationRs256() throws TokenRejectedException {
        return rs256.verify(rs256Token);
    }

    @Benchmark
    @OutputTimeUnit(TimeUnit.NANOSECONDS)
    public String accessTokenSigningHs256() {
        return tokens.issue(caller, 0, Instant.now());
    }

    @Benchmark
    @OutputTimeUnit(TimeUnit.NANOSECONDS)
    public String accessTokenSigningEs256() {
        return es256.issue(caller, 0, Instant.now());
    }

    @Benchmark
    @OutputTimeUnit(TimeUnit.NANOSECONDS)
    public String accessTokenSigningRs256() {
        return rs256.issue(caller, 0, Instant.now());
    }

    @Benchmark
    @OutputTimeUnit(TimeUnit.NANOSECONDS)
    public VerifiedAccessToken accessTokenVerification() throws TokenRejectedException {
        return tokens.verify(token);
    }

    @Benchmark
    @OutputTimeUnit(TimeUnit.NANOSECONDS)
    public byte[] hmacSha256OfTheSameBytes() {
        return hmac.doFinal(signingInput);
    }

    @Benchmark
    @OutputTimeUnit(TimeUnit.MILLISECONDS)
    public boolean bcryptVerifyCost10() {
        return BCrypt.verifyer().verify(password, hash10).verified;
    }

    @Benchmark
    @OutputTimeUnit(TimeUnit.MILLISECONDS)
    public boolean bcryptVerifyCost12() {
        return BCrypt.verifyer().verify(password, hash12).verified;
    }
}
