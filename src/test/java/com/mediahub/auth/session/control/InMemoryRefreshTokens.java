package com.mediahub.auth.session.control;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import com.mediahub.auth.session.entity.ConsumedToken;
import com.mediahub.auth.session.entity.JpaRefreshTokenRepository;
import com.mediahub.auth.session.entity.RefreshToken;
import com.mediahub.auth.session.entity.ReplayedToken;
import com.mediahub.auth.session.entity.Session;

/**
 * The refresh-token table's contract as the session code relies on it (a live token is one whose
 * expiry is after "now"; consuming removes it; remembered consumed tokens are found by hash),
 * kept in maps. For unit tests of the decisions built on it; what PostgreSQL does under
 * concurrency is tested against PostgreSQL (TokenLifecycleIT, TwoInstancesIT).
 */
final class InMemoryRefreshTokens extends JpaRefreshTokenRepository {

    private final Map<String, RefreshToken> live = new HashMap<>();
    private final Map<String, ReplayedToken> consumed = new HashMap<>();
    /** How often the table was asked to consume a token. */
    int consumeCalls;

    @Override
    public RefreshToken add(RefreshToken token) {
        live.put(token.getTokenHash(), token);
        return token;
    }

    @Override
    public Optional<ConsumedToken> consume(String tokenHash, OffsetDateTime now) {
        consumeCalls++;
        RefreshToken token = live.get(tokenHash);
        if (token == null || !token.getExpiry().isAfter(now)) {
            return Optional.empty();
        }
        live.remove(tokenHash);
        return Optional.of(new ConsumedToken(token.getUserId(), token.getFamily(), token.getExpiry()));
    }

    @Override
    public void rememberConsumed(String tokenHash, ConsumedToken token, OffsetDateTime now) {
        consumed.put(tokenHash, new ReplayedToken(token.userId(), token.family().id(), token.family().generation(), now));
    }

    @Override
    public Optional<ReplayedToken> findConsumed(String tokenHash) {
        return Optional.ofNullable(consumed.get(tokenHash));
    }

    @Override
    public Optional<Integer> liveGeneration(long familyId, long userId) {
        return live.values().stream().filter(t -> t.getFamilyId() == familyId && t.getUserId() == userId)
                .map(t -> t.getFamily().generation()).findFirst();
    }

    @Override
    public int deleteFamily(long familyId, long userId) {
        List<String> gone = live.entrySet().stream()
                .filter(e -> e.getValue().getFamilyId() == familyId && e.getValue().getUserId() == userId)
                .map(Map.Entry::getKey).toList();
        gone.forEach(live::remove);
        return gone.size();
    }

    @Override
    public int revokeSessionsBeyond(long userId, int keep, OffsetDateTime now) {
        List<RefreshToken> newestFirst = new ArrayList<>(live.values().stream()
                .filter(t -> t.getUserId() == userId && t.getExpiry().isAfter(now)).toList());
        newestFirst.sort(Comparator.comparing(RefreshToken::getFamilyCreatedAt).reversed());
        List<RefreshToken> older = newestFirst.subList(Math.min(keep, newestFirst.size()), newestFirst.size());
        older.forEach(t -> live.remove(t.getTokenHash()));
        return older.size();
    }

    @Override
    public boolean deleteOwnedBy(String tokenHash, long userId) {
        RefreshToken token = live.get(tokenHash);
        return token != null && token.getUserId() == userId && live.remove(tokenHash) != null;
    }

    @Override
    public Optional<Long> findOwner(String tokenHash) {
        return Optional.ofNullable(live.get(tokenHash)).map(RefreshToken::getUserId);
    }

    @Override
    public int deleteAllOf(long userId) {
        List<String> gone = live.entrySet().stream().filter(e -> e.getValue().getUserId() == userId)
                .map(Map.Entry::getKey).toList();
        gone.forEach(live::remove);
        consumed.values().removeIf(t -> t.userId() == userId);
        return gone.size();
    }

    @Override
    public List<Session> sessionsOf(long userId) {
        return live.values().stream().filter(t -> t.getUserId() == userId)
                .sorted(Comparator.comparing(RefreshToken::getFamilyCreatedAt).reversed())
                .map(t -> new Session(t.getFamilyId(), t.getFamilyCreatedAt(), t.getExpiry(), t.getCreatedAt(), t.getUserAgent()))
                .toList();
    }

    @Override
    public long[] countLive(OffsetDateTime now) {
        return new long[] {live.values().stream().filter(t -> t.getExpiry().isAfter(now)).count(),
                live.values().stream().filter(t -> t.getExpiry().isAfter(now)).map(RefreshToken::getFamilyId).distinct().count()};
    }

    int liveCount() {
        return live.size();
    }
}
