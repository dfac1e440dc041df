package com.mediahub.auth.control;

import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

import com.mediahub.config.Settings;
import com.mediahub.users.entity.JpaUserRepository;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/**
 * Answers "does the user of this access token still exist?" without a database round-trip on
 * every Bearer request: an answer is trusted for {@code [auth] user_cache_seconds} (default 5),
 * then asked again. A user deleted on THIS instance is marked gone at once; on another instance
 * sharing the database, their tokens stop working within that many seconds.
 */
@ApplicationScoped
public class ActiveUserCache {

    private record Answer(boolean exists, long askedAtNanos) {
    }

    @Inject
    JpaUserRepository users;
    @Inject
    Settings settings;

    private final ConcurrentMap<Long, Answer> answers = new ConcurrentHashMap<>();

    public boolean exists(long userId) {
        long now = System.nanoTime();
        Answer answer = answers.get(userId);
        if (answer != null && now - answer.askedAtNanos() < settings.userCacheTtl().toNanos()) {
            return answer.exists();
        }
        boolean exists = users.exists(userId);
        answers.put(userId, new Answer(exists, now));
        return exists;
    }

    /** Called after a user is deleted here; ids are never reused, so "gone" never needs undoing. */
    public void markDeleted(long userId) {
        answers.put(userId, new Answer(false, Long.MAX_VALUE / 2));
    }
}
