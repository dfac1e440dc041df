package com.mediahub.auth.session.control;

import java.util.Map;

import com.mediahub.auth.session.entity.JpaRefreshTokenRepository;
import com.mediahub.users.control.SessionCounts;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/** A session is a token family: counts the families in the refresh-token table, per user. */
@ApplicationScoped
public class SessionCountsFromRefreshTokens implements SessionCounts {

    @Inject
    JpaRefreshTokenRepository refreshTokens;

    @Override
    public Map<Long, Long> perUser() {
        return refreshTokens.sessionCounts();
    }
}
