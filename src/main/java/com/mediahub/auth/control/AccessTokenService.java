package com.mediahub.auth.control;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;

import org.eclipse.microprofile.jwt.Claims;
import org.jose4j.jwa.AlgorithmConstraints.ConstraintType;
import org.jose4j.jws.AlgorithmIdentifiers;
import org.jose4j.jws.JsonWebSignature;
import org.jose4j.jwt.JwtClaims;
import org.jose4j.jwt.MalformedClaimException;
import org.jose4j.jwt.NumericDate;
import org.jose4j.jwt.consumer.ErrorCodes;
import org.jose4j.jwt.consumer.InvalidJwtException;
import org.jose4j.jwt.consumer.JwtConsumer;
import org.jose4j.jwt.consumer.JwtConsumerBuilder;
import org.jose4j.keys.HmacKey;
import org.jose4j.lang.JoseException;

import com.mediahub.config.Settings;
import com.mediahub.config.SigningSecret;
import com.mediahub.platform.error.ErrorCatalogue;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/**
 * Issues and verifies access tokens (contract section 2) with jose4j: HS256 only, header
 * {@code typ: at+jwt} (RFC 9068), MicroProfile JWT claims. The verifier accepts no other
 * algorithm (so never {@code none}), requires the {@code at+jwt} type (so nothing else we could
 * ever sign passes as an access token), and allows 60 seconds of clock skew.
 */
@ApplicationScoped
public class AccessTokenService {

    static final String TYPE = "at+jwt";
    /** The session (token family) id, as OpenID Connect names it. */
    static final String SESSION_CLAIM = "sid";
    /** The user's token version at issue time (see {@link TokenVersionCache}). */
    static final String VERSION_CLAIM = "ver";
    /** Tokens may be at most this old by {@code iat}; only the future is really restricted (skew). */
    private static final int MAX_AGE_SECONDS = 10 * 365 * 24 * 3600;
    static final int CLOCK_SKEW_SECONDS = 60;

    @Inject
    Settings settings;
    @Inject
    SigningSecret secret;

    private HmacKey key;
    private JwtConsumer consumer;

    public AccessTokenService() {
    }

    /** For unit tests: a service without CDI. */
    public AccessTokenService(Settings settings, SigningSecret secret) {
        this.settings = settings;
        this.secret = secret;
        init();
    }

    @PostConstruct
    void init() {
        key = new HmacKey(secret.keyBytes());
        consumer = new JwtConsumerBuilder()
                .setJwsAlgorithmConstraints(ConstraintType.PERMIT, AlgorithmIdentifiers.HMAC_SHA256)
                .setVerificationKey(key)
                .setExpectedType(true, TYPE)
                .setExpectedIssuer(settings.issuer())
                .setRequireExpirationTime()
                .setRequireIssuedAt()
                .setIssuedAtRestrictions(0, MAX_AGE_SECONDS) // plus the clock skew: iat at most 60 s ahead
                .setRequireSubject()
                .setRequireJwtId()
                .setAllowedClockSkewInSeconds(CLOCK_SKEW_SECONDS)
                .build();
    }

    /** An access token for {@code caller} (whose session id, if any, goes into {@code sid}). */
    public String issue(CallerIdentity caller, int tokenVersion, Instant now) {
        JwtClaims claims = new JwtClaims();
        claims.setIssuer(settings.issuer());
        claims.setSubject(Long.toString(caller.id()));
        claims.setClaim(Claims.upn.name(), caller.username());
        claims.setStringListClaim(Claims.groups.name(), new ArrayList<>(new TreeSet<>(caller.roles())));
        claims.setIssuedAt(NumericDate.fromSeconds(now.getEpochSecond()));
        claims.setExpirationTime(NumericDate.fromSeconds(now.plus(settings.accessDuration()).getEpochSecond()));
        claims.setJwtId(UUID.randomUUID().toString());
        caller.session().ifPresent(sid -> claims.setClaim(SESSION_CLAIM, sid));
        claims.setClaim(VERSION_CLAIM, tokenVersion);

        JsonWebSignature jws = new JsonWebSignature();
        jws.setPayload(claims.toJson());
        jws.setAlgorithmHeaderValue(AlgorithmIdentifiers.HMAC_SHA256);
        jws.setHeader("typ", TYPE);
        jws.setKey(key);
        try {
            return jws.getCompactSerialization();
        } catch (JoseException e) {
            throw new IllegalStateException("Cannot sign an access token", e);
        }
    }

    /** What an access token says, or {@link TokenRejectedException} with the contract's error. */
    public VerifiedAccessToken verify(String token) throws TokenRejectedException {
        try {
            JwtClaims claims = consumer.processToClaims(token);
            long id = Long.parseLong(claims.getSubject());
            String username = claims.getStringClaimValue(Claims.upn.name());
            List<String> groups = claims.getStringListClaimValue(Claims.groups.name());
            Long version = claims.getClaimValue(VERSION_CLAIM, Long.class);
            Long session = claims.getClaimValue(SESSION_CLAIM, Long.class);
            if (username == null || groups == null || version == null) {
                throw new TokenRejectedException(ErrorCatalogue.TOKEN_INVALID);
            }
            return new VerifiedAccessToken(new CallerIdentity(id, username, Set.copyOf(groups), session), version.intValue());
        } catch (InvalidJwtException e) {
            boolean onlyExpired = e.hasExpired()
                    && e.getErrorDetails().stream().allMatch(d -> d.getErrorCode() == ErrorCodes.EXPIRED);
            throw new TokenRejectedException(onlyExpired ? ErrorCatalogue.TOKEN_EXPIRED : ErrorCatalogue.TOKEN_INVALID);
        } catch (MalformedClaimException | NumberFormatException e) {
            throw new TokenRejectedException(ErrorCatalogue.TOKEN_INVALID);
        }
    }
}
