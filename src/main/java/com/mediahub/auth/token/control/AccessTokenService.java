package com.mediahub.auth.token.control;

import java.security.Key;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;

import org.eclipse.microprofile.jwt.Claims;
import org.jose4j.jwa.AlgorithmConstraints.ConstraintType;
import org.jose4j.jws.JsonWebSignature;
import org.jose4j.jwt.JwtClaims;
import org.jose4j.jwt.MalformedClaimException;
import org.jose4j.jwt.NumericDate;
import org.jose4j.jwt.consumer.ErrorCodes;
import org.jose4j.jwt.consumer.InvalidJwtException;
import org.jose4j.jwt.consumer.JwtConsumer;
import org.jose4j.jwt.consumer.JwtConsumerBuilder;
import org.jose4j.jwx.JsonWebStructure;
import org.jose4j.lang.JoseException;
import org.jose4j.lang.UnresolvableKeyException;

import com.mediahub.auth.token.keys.SigningKeys;
import com.mediahub.auth.token.keys.SigningSecret;
import com.mediahub.config.Settings;
import com.mediahub.platform.error.ErrorCatalogue;
import com.mediahub.security.CallerIdentity;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/**
 * Issues and verifies access tokens (contract section 2) with jose4j: the configured algorithm
 * (HS256 by default, or ES256/RS256), header {@code typ} ({@code at+jwt} of RFC 9068 for HS256,
 * {@code JWT} as MicroProfile JWT requires for the keys other services verify) and {@code kid},
 * MicroProfile JWT claims (plus {@code aud} when configured). The verifier accepts the configured
 * algorithm only (so never {@code none}, and no HS256 token signed with a public key in an
 * RS256/ES256 deployment or the reverse), picks the key by {@code kid} among our own keys only
 * (an unknown {@code kid} is refused; {@code jku}, {@code x5u} and {@code jwk} headers are never
 * looked at), requires the {@code at+jwt} type (so nothing else we could ever sign passes as an
 * access token), and allows 60 seconds of clock skew.
 */
@ApplicationScoped
public class AccessTokenService {

    /** RFC 9068's type for access tokens: what HS256 tokens (only we verify them) carry. */
    static final String TYPE = "at+jwt";
    /**
     * MicroProfile JWT 2.1 requires {@code typ: JWT}, and Payara's verifier refuses anything else:
     * ES256/RS256 tokens, which exist to be checked by other services, carry it.
     */
    static final String MP_JWT_TYPE = "JWT";
    /** The session (token family) id, as OpenID Connect names it. */
    static final String SESSION_CLAIM = "sid";
    /** The user's token version at issue time (see {@link TokenVersionCache}). */
    static final String VERSION_CLAIM = "ver";
    /** RFC 8176: how the session's login proved the user. */
    static final String AMR_CLAIM = "amr";
    /** OpenID Connect: when the session's login happened, in seconds since the epoch. */
    static final String AUTH_TIME_CLAIM = "auth_time";
    /** Tokens may be at most this old by {@code iat}; only the future is really restricted (skew). */
    private static final int MAX_AGE_SECONDS = 10 * 365 * 24 * 3600;
    static final int CLOCK_SKEW_SECONDS = 60;

    @Inject
    Settings settings;
    @Inject
    SigningKeys keys;
    @Inject
    Clock clock;

    /** Null when disabled (the benchmark of the full check). */
    private VerifiedTokenCache verified = new VerifiedTokenCache();

    public AccessTokenService() {
    }

    /** For unit tests: a service without CDI. */
    public AccessTokenService(Settings settings, SigningSecret secret, Clock clock) {
        this(settings, SigningKeys.hmac(secret), clock);
    }

    /** For unit tests: a service without CDI. */
    public AccessTokenService(Settings settings, SigningKeys keys, Clock clock) {
        this(settings, keys, true, clock);
    }

    /** For the benchmarks: {@code rememberVerified = false} makes every call pay the full check. */
    public AccessTokenService(Settings settings, SigningKeys keys, boolean rememberVerified, Clock clock) {
        this.settings = settings;
        this.keys = keys;
        this.clock = clock;
        this.verified = rememberVerified ? new VerifiedTokenCache() : null;
    }

    /**
     * The checks of every access token, at the time {@code now} of the injected clock (jose4j
     * would read the system clock itself). Built per full check: a few small objects, against
     * the signature check's microseconds, and the verified-token cache skips it for repeats.
     */
    private JwtConsumer consumerAt(long now) {
        JwtConsumerBuilder builder = new JwtConsumerBuilder()
                .setEvaluationTime(NumericDate.fromSeconds(now))
                .setJwsAlgorithmConstraints(ConstraintType.PERMIT, keys.algorithm().joseName())
                .setVerificationKeyResolver(this::verificationKey)
                .setExpectedType(true, type())
                .setExpectedIssuer(settings.issuer())
                .setRequireExpirationTime()
                .setRequireIssuedAt()
                .setIssuedAtRestrictions(0, MAX_AGE_SECONDS) // plus the clock skew: iat at most 60 s ahead
                .setRequireSubject()
                .setRequireJwtId()
                .setAllowedClockSkewInSeconds(CLOCK_SKEW_SECONDS);
        if (settings.audience() != null) {
            builder.setExpectedAudience(settings.audience());
        }
        return builder.build();
    }

    private String type() {
        return keys.algorithm().isAsymmetric() ? MP_JWT_TYPE : TYPE;
    }

    /**
     * Our key named by the token's {@code kid}. Only HS256 tokens may lack a {@code kid} (those
     * issued before kids existed, checked against the current secret).
     */
    private Key verificationKey(JsonWebSignature jws, List<JsonWebStructure> nesting) throws UnresolvableKeyException {
        String kid = jws.getKeyIdHeaderValue();
        if (kid == null) {
            if (keys.algorithm().isAsymmetric()) {
                throw new UnresolvableKeyException("no kid");
            }
            return keys.currentVerificationKey();
        }
        return keys.verificationKey(kid).orElseThrow(() -> new UnresolvableKeyException("unknown kid"));
    }

    /** An access token of a password-only sign-in at {@code now} (tests and benchmarks). */
    public String issue(CallerIdentity caller, int tokenVersion, Instant now) {
        return issue(caller, tokenVersion, now, new SignIn("pwd", now));
    }

    /**
     * An access token for {@code caller} (whose session id, if any, goes into {@code sid}), of a
     * session signed in to as {@code signIn} says ({@code amr}, {@code auth_time}).
     */
    public String issue(CallerIdentity caller, int tokenVersion, Instant now, SignIn signIn) {
        JwtClaims claims = new JwtClaims();
        claims.setIssuer(settings.issuer());
        claims.setSubject(Long.toString(caller.id()));
        claims.setClaim(Claims.upn.name(), caller.username());
        claims.setStringListClaim(Claims.groups.name(), new ArrayList<>(new TreeSet<>(caller.roles())));
        claims.setIssuedAt(NumericDate.fromSeconds(now.getEpochSecond()));
        claims.setExpirationTime(NumericDate.fromSeconds(now.plus(settings.accessDuration()).getEpochSecond()));
        claims.setJwtId(UUID.randomUUID().toString());
        if (settings.audience() != null) {
            claims.setAudience(settings.audience());
        }
        caller.session().ifPresent(sid -> claims.setClaim(SESSION_CLAIM, sid));
        claims.setClaim(VERSION_CLAIM, tokenVersion);
        claims.setStringListClaim(AMR_CLAIM, signIn.amr());
        claims.setClaim(AUTH_TIME_CLAIM, signIn.time().getEpochSecond());

        JsonWebSignature jws = new JsonWebSignature();
        jws.setPayload(claims.toJson());
        jws.setAlgorithmHeaderValue(keys.algorithm().joseName());
        jws.setHeader("typ", type());
        jws.setKeyIdHeaderValue(keys.kid());
        jws.setKey(keys.signingKey());
        try {
            return jws.getCompactSerialization();
        } catch (JoseException e) {
            throw new IllegalStateException("Cannot sign an access token", e);
        }
    }

    /** What an access token says, or {@link TokenRejectedException} with the contract's error. */
    public VerifiedAccessToken verify(String token) throws TokenRejectedException {
        long now = clock.instant().getEpochSecond();
        VerifiedAccessToken remembered = verified == null ? null : verified.find(token, now);
        if (remembered != null) {
            return remembered;
        }
        try {
            JwtClaims claims = consumerAt(now).processToClaims(token);
            long id = Long.parseLong(claims.getSubject());
            String username = claims.getStringClaimValue(Claims.upn.name());
            List<String> groups = claims.getStringListClaimValue(Claims.groups.name());
            Long version = claims.getClaimValue(VERSION_CLAIM, Long.class);
            Long session = claims.getClaimValue(SESSION_CLAIM, Long.class);
            if (username == null || groups == null || version == null) {
                throw new TokenRejectedException(ErrorCatalogue.TOKEN_INVALID);
            }
            VerifiedAccessToken result = new VerifiedAccessToken(
                    new CallerIdentity(id, username, Set.copyOf(groups), session), version.intValue());
            if (verified != null) {
                verified.remember(token, result, claims.getExpirationTime().getValue() + CLOCK_SKEW_SECONDS, now);
            }
            return result;
        } catch (InvalidJwtException e) {
            boolean onlyExpired = e.hasExpired()
                    && e.getErrorDetails().stream().allMatch(d -> d.getErrorCode() == ErrorCodes.EXPIRED);
            throw new TokenRejectedException(onlyExpired ? ErrorCatalogue.TOKEN_EXPIRED : ErrorCatalogue.TOKEN_INVALID);
        } catch (MalformedClaimException | NumberFormatException e) {
            throw new TokenRejectedException(ErrorCatalogue.TOKEN_INVALID);
        }
    }
}
