package com.mediahub.testing;

import java.lang.reflect.Field;
import java.time.OffsetDateTime;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import com.mediahub.users.entity.JpaUserRepository;
import com.mediahub.users.entity.User;

/**
 * The user lookups that authentication makes, answered from a map: for unit tests of decisions
 * that read a user or a token version, never of what PostgreSQL does.
 */
public final class InMemoryUsers extends JpaUserRepository {

    private final Map<Long, User> users = new HashMap<>();
    private final Map<Long, Integer> versions = new HashMap<>();
    public int tokenVersionReads;
    public int rowLocks;
    /** Thrown by the next token-version read, as a database that went away would. */
    public RuntimeException failNextRead;

    public User add(long id, String username, Set<String> roles) {
        User user = new User(username, "$2a$04$unused", roles, OffsetDateTime.parse("2026-01-01T00:00:00Z"));
        try {
            Field field = User.class.getDeclaredField("id"); // assigned by the database in production
            field.setAccessible(true);
            field.set(user, id);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException(e);
        }
        users.put(id, user);
        versions.put(id, 0);
        return user;
    }

    /** Nothing to lock in memory; counts the calls. */
    @Override
    public void lockRow(long id) {
        rowLocks++;
    }

    @Override
    public Optional<User> findById(long id) {
        return Optional.ofNullable(users.get(id));
    }

    @Override
    public Optional<Integer> tokenVersion(long id) {
        tokenVersionReads++;
        if (failNextRead != null) {
            RuntimeException failure = failNextRead;
            failNextRead = null;
            throw failure;
        }
        return Optional.ofNullable(versions.get(id));
    }

    @Override
    public int bumpTokenVersion(long id) {
        return versions.merge(id, 1, Integer::sum);
    }

    /** Another instance (or a direct SQL change) counts the version up behind this one's back. */
    public void bumpElsewhere(long id) {
        versions.merge(id, 1, Integer::sum);
    }

    public void deleteElsewhere(long id) {
        users.remove(id);
        versions.remove(id);
    }

    @Override
    public long count() {
        return users.size();
    }
}
