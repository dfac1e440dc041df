package com.mediahub.bench;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Set;
import java.util.concurrent.TimeUnit;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

import com.mediahub.auth.control.AccessTokenService;
import com.mediahub.auth.control.CallerIdentity;
import com.mediahub.auth.control.TokenRejectedException;
import com.mediahub.auth.control.VerifiedAccessToken;
import com.mediahub.config.Settings;
import com.mediahub.config.SigningSecret;

import at.favre.lib.crypto.bcrypt.BCrypt;

/**
 * JMH micro-benchmarks (run by bench/run.sh): what one Bearer check costs, its floor (the
 * HMAC-SHA256 of the same bytes), and what one Basic check costs (bcrypt at cost 10 and 12).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
public class CryptoBenchmarks {

    private static final String SECRET = "benchmark-secret-0123456789abcdef-0123456789";

    private AccessTokenService tokens;
    private String token;
    private byte[] signingInput;
    private Mac hmac;
    private byte[] password;
    private byte[] hash10;
    private byte[] hash12;

    @Setup
    public void setUp() throws Exception {
        tokens = new AccessTokenService(Settings.defaults(), new SigningSecret(SECRET, "benchmark"));
        token = tokens.issue(new CallerIdentity(42, "benchmark-user", Set.of("user"), 7L), 0, Instant.now());
        signingInput = token.substring(0, token.lastIndexOf('.')).getBytes(StandardCharsets.US_ASCII);
        hmac = Mac.getInstance("HmacSHA256");
        hmac.init(new SecretKeySpec(SECRET.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
        password = "correct horse battery staple".getBytes(StandardCharsets.UTF_8);
        hash10 = BCrypt.withDefaults().hash(10, password);
        hash12 = BCrypt.withDefaults().hash(12, password);
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
