package com.mediahub.auth.session.entity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import javax.sql.DataSource;

import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.mediahub.it.ItEnvironment;
import com.mediahub.platform.persistence.ApplicationDataSource;

import jakarta.persistence.PersistenceException;
import jakarta.transaction.Status;
import jakarta.transaction.TransactionSynchronizationRegistry;

/**
 * PostgreSQL's one rotation statement over plain JDBC, against a real PostgreSQL (the schema from
 * the Flyway migrations): what it writes, that of concurrent callers exactly one wins, that it
 * commits and rolls back on a pool that hands out connections without auto-commit, and that it
 * refuses to run inside a JTA transaction. The HTTP-level guarantees (replays, grace window,
 * two instances) are TokenLifecycleIT's, SessionsIT's and TwoInstancesIT's.
 */
class JdbcRefreshTokenRotationIT {

    private static final String DATABASE = "mediahub_it_jdbc_rotation";
    private static final OffsetDateTime NOW = OffsetDateTime.now(ZoneOffset.UTC).truncatedTo(ChronoUnit.MICROS);

    private final List<Connection> opened = new ArrayList<>();
    private long userId;

    @BeforeAll
    static void database() throws SQLException {
        try (Connection admin = connect("postgres"); Statement s = admin.createStatement()) {
            s.execute("DROP DATABASE IF EXISTS " + DATABASE + " WITH (FORCE)");
            s.execute("CREATE DATABASE " + DATABASE);
        }
        Flyway.configure().dataSource(ItEnvironment.jdbcUrl(DATABASE), ItEnvironment.dbUser(), ItEnvironment.dbPassword())
                .locations("classpath:db/migration").load().migrate();
    }

    @BeforeEach
    void aUserWithOneLiveToken() throws SQLException {
        update("DELETE FROM users");
        userId = ((Number) single("INSERT INTO users (username, password_hash, roles, created_at, token_version) "
                + "VALUES ('alice', 'x', 'user,admin', now(), 4) RETURNING id")).longValue();
        update("INSERT INTO refresh_tokens (user_id, token_hash, expiry, created_at, family_id, family_created_at, family_expiry, "
                + "generation, user_agent) VALUES (" + userId + ", 'presented', ?, ?, 77, ?, ?, 2, 'old agent')",
                NOW.plusHours(1), NOW.minusHours(1), NOW.minusHours(1), NOW.plusHours(10));
    }

    @AfterEach
    void closeConnections() throws SQLException {
        for (Connection c : opened) {
            c.close();
        }
    }

    @Test
    void consumesRemembersStoresTheSuccessorAndReadsTheUser() throws SQLException {
        RotatedToken token = rotation(autoCommitting(), false)
                .rotate("presented", NOW, "successor", NOW.plusHours(24), "new agent").orElseThrow();

        assertEquals(userId, token.userId());
        assertEquals("alice", token.username());
        assertEquals(Set.of("user", "admin"), token.roles());
        assertEquals(4, token.tokenVersion());
        assertEquals(77, token.familyId());
        assertEquals(NOW.plusHours(10).toInstant(), token.expiry().toInstant(), "capped at the family's end");
        assertEquals(0L, count("SELECT COUNT(*) FROM refresh_tokens WHERE token_hash = 'presented'"));
        assertEquals(1L, count("SELECT COUNT(*) FROM consumed_refresh_tokens WHERE token_hash = 'presented' AND family_id = 77 "
                + "AND generation = 2"));
        assertEquals(1L, count("SELECT COUNT(*) FROM refresh_tokens WHERE token_hash = 'successor' AND family_id = 77 "
                + "AND generation = 3 AND user_agent = 'new agent'"));
    }

    @Test
    void aTokenAlreadyConsumedOrExpiredIsNotFoundAndNothingIsWritten() throws SQLException {
        JdbcRefreshTokenRotation rotation = rotation(autoCommitting(), false);
        rotation.rotate("presented", NOW, "successor", NOW.plusHours(24), null).orElseThrow();

        assertTrue(rotation.rotate("presented", NOW, "another", NOW.plusHours(24), null).isEmpty());
        assertTrue(rotation.rotate("successor", NOW.plusHours(11), "a third", NOW.plusHours(35), null).isEmpty(),
                "the successor has expired with its family");
        assertEquals(1L, count("SELECT COUNT(*) FROM refresh_tokens"));
        assertEquals(1L, count("SELECT COUNT(*) FROM consumed_refresh_tokens"));
    }

    @Test
    void ofEightConcurrentRotationsOfOneTokenExactlyOneWins() throws Exception {
        JdbcRefreshTokenRotation rotation = rotation(autoCommitting(), false);
        ExecutorService pool = Executors.newFixedThreadPool(8);
        List<Future<Boolean>> outcomes = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            String successor = "successor-" + i;
            outcomes.add(pool.submit((Callable<Boolean>) () -> rotation.rotate("presented", NOW, successor, NOW.plusHours(24), null)
                    .isPresent()));
        }
        int winners = 0;
        for (Future<Boolean> outcome : outcomes) {
            winners += outcome.get() ? 1 : 0;
        }
        pool.shutdown();
        assertEquals(1, winners);
        assertEquals(1L, count("SELECT COUNT(*) FROM refresh_tokens WHERE token_hash LIKE 'successor-%'"));
    }

    @Test
    void withoutAutoCommitItCommitsItself() throws SQLException {
        Connection connection = keep(connect(DATABASE));
        connection.setAutoCommit(false);

        rotation(always(connection), false).rotate("presented", NOW, "successor", NOW.plusHours(24), null).orElseThrow();

        assertEquals(1L, count("SELECT COUNT(*) FROM refresh_tokens WHERE token_hash = 'successor'"), "seen by another connection");
    }

    @Test
    void withoutAutoCommitAFailedStatementIsRolledBackAndTheConnectionIsUsable() throws SQLException {
        update("INSERT INTO refresh_tokens (user_id, token_hash, expiry, created_at, family_id, family_created_at, family_expiry, "
                + "generation) VALUES (" + userId + ", 'taken', ?, ?, 78, ?, ?, 0)", NOW.plusHours(1), NOW, NOW, NOW.plusHours(10));
        Connection connection = keep(connect(DATABASE));
        connection.setAutoCommit(false);
        JdbcRefreshTokenRotation rotation = rotation(always(connection), false);

        assertThrows(PersistenceException.class, () -> rotation.rotate("presented", NOW, "taken", NOW.plusHours(24), null),
                "the successor's hash is taken: a unique violation");

        assertEquals(1L, count("SELECT COUNT(*) FROM refresh_tokens WHERE token_hash = 'presented'"), "the consumption is undone");
        assertEquals(0L, count("SELECT COUNT(*) FROM consumed_refresh_tokens"));
        try (Statement s = connection.createStatement(); ResultSet rs = s.executeQuery("SELECT 1")) {
            assertTrue(rs.next(), "the connection is not left in an aborted transaction");
        }
    }

    @Test
    void insideATransactionItRefusesAndWritesNothing() throws SQLException {
        JdbcRefreshTokenRotation rotation = rotation(autoCommitting(), true);

        assertThrows(IllegalStateException.class, () -> rotation.rotate("presented", NOW, "successor", NOW.plusHours(24), null));

        assertEquals(1L, count("SELECT COUNT(*) FROM refresh_tokens WHERE token_hash = 'presented'"));
        assertEquals(0L, count("SELECT COUNT(*) FROM refresh_tokens WHERE token_hash = 'successor'"));
    }

    // --- wired as the container would, around plain JDBC ----------------------------------------

    private static JdbcRefreshTokenRotation rotation(DataSource dataSource, boolean inTransaction) {
        JdbcRefreshTokenRotation rotation = new JdbcRefreshTokenRotation();
        rotation.dataSource = new ApplicationDataSource() {
            @Override
            public DataSource get() {
                return dataSource;
            }
        };
        rotation.transactions = (TransactionSynchronizationRegistry) Proxy.newProxyInstance(
                JdbcRefreshTokenRotationIT.class.getClassLoader(), new Class<?>[]{TransactionSynchronizationRegistry.class},
                (proxy, method, args) -> {
                    if (method.getName().equals("getTransactionStatus")) {
                        return inTransaction ? Status.STATUS_ACTIVE : Status.STATUS_NO_TRANSACTION;
                    }
                    throw new UnsupportedOperationException(method.getName());
                });
        return rotation;
    }

    /** A new auto-committing connection per call, as a pool hands them out. */
    private static DataSource autoCommitting() {
        return dataSource(() -> connect(DATABASE));
    }

    /** Always the same connection, which "closing" hands back open, as a pool does. */
    private static DataSource always(Connection connection) {
        Connection pooled = (Connection) Proxy.newProxyInstance(JdbcRefreshTokenRotationIT.class.getClassLoader(),
                new Class<?>[]{Connection.class}, (proxy, method, args) -> {
                    if (method.getName().equals("close")) {
                        return null;
                    }
                    try {
                        return method.invoke(connection, args);
                    } catch (InvocationTargetException e) {
                        throw e.getCause();
                    }
                });
        return dataSource(() -> pooled);
    }

    interface ConnectionSource {
        Connection get() throws SQLException;
    }

    private static DataSource dataSource(ConnectionSource source) {
        return (DataSource) Proxy.newProxyInstance(JdbcRefreshTokenRotationIT.class.getClassLoader(), new Class<?>[]{DataSource.class},
                (proxy, method, args) -> {
                    if (method.getName().equals("getConnection")) {
                        return source.get();
                    }
                    throw new UnsupportedOperationException(method.getName());
                });
    }

    private Connection keep(Connection connection) {
        opened.add(connection);
        return connection;
    }

    private static Connection connect(String database) throws SQLException {
        return DriverManager.getConnection(ItEnvironment.jdbcUrl(database), ItEnvironment.dbUser(), ItEnvironment.dbPassword());
    }

    private static long count(String sql) throws SQLException {
        return ((Number) single(sql)).longValue();
    }

    private static Object single(String sql) throws SQLException {
        try (Connection c = connect(DATABASE); Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            assertTrue(rs.next(), sql);
            return rs.getObject(1);
        }
    }

    private static void update(String sql, Object... values) throws SQLException {
        try (Connection c = connect(DATABASE); PreparedStatement s = c.prepareStatement(sql)) {
            for (int i = 0; i < values.length; i++) {
                s.setObject(i + 1, values[i]);
            }
            s.executeUpdate();
        }
    }
}
