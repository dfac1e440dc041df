package com.mediahub.auth.session.entity;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.Optional;

import com.mediahub.platform.persistence.ApplicationDataSource;
import com.mediahub.users.entity.RolesConverter;

import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.PersistenceException;
import jakarta.transaction.Status;
import jakarta.transaction.TransactionSynchronizationRegistry;

/**
 * PostgreSQL's whole rotation as ONE statement in ONE round trip, over plain JDBC: consume the
 * presented token (the same conditional DELETE as {@link ConsumeStatement}, so exactly one
 * concurrent caller wins, on any number of instances), remember its hash as consumed, store the
 * successor, and read the user the access token is for.
 *
 * <p>Not through JPA and not in a JTA transaction, unlike the other repositories: the statement
 * is atomic by itself, so it runs as its own (auto-committed) transaction. A refresh profile
 * (issue 17) put 23% of the server's CPU in EclipseLink and 20% in the transaction manager around
 * this one statement. The driver keeps the statement prepared on each pooled connection (it does
 * so for any statement text it has run five times). A database that cannot be reached fails
 * with the pool's error once the pool's wait is over, which the error mapper answers with 503.
 *
 * <p>Because it commits by itself, it refuses to run inside a JTA transaction: there the
 * connection belongs to the transaction, and committing it would commit the caller's earlier
 * work early (Payara) or be refused after the statement ran (WildFly).
 */
@ApplicationScoped
public class JdbcRefreshTokenRotation {

    static final String ROTATE = "WITH consumed AS (" + ConsumeStatement.DELETE_RETURNING.replaceAll("\\?\\d+", "?") + "), "
            + "remembered AS (INSERT INTO consumed_refresh_tokens (token_hash, user_id, family_id, generation, consumed_at, expiry) "
            + "SELECT CAST(? AS VARCHAR), user_id, family_id, generation, CAST(? AS TIMESTAMP WITH TIME ZONE), expiry "
            + "FROM consumed), "
            + "successor AS (INSERT INTO refresh_tokens (user_id, token_hash, expiry, created_at, family_id, family_created_at, "
            + "family_expiry, generation, user_agent, amr, token_version) "
            + "SELECT user_id, CAST(? AS VARCHAR), LEAST(CAST(? AS TIMESTAMP WITH TIME ZONE), family_expiry), "
            + "CAST(? AS TIMESTAMP WITH TIME ZONE), family_id, family_created_at, family_expiry, generation + 1, "
            + "CAST(? AS VARCHAR), amr, (SELECT u.token_version FROM users u WHERE u.id = consumed.user_id) "
            + "FROM consumed RETURNING user_id, family_id, expiry, family_created_at, amr) "
            + "SELECT s.user_id, u.username, u.roles, u.token_version, s.family_id, s.expiry, s.family_created_at, s.amr "
            + "FROM successor s JOIN users u ON u.id = s.user_id";

    private static final RolesConverter ROLES = new RolesConverter();

    @Inject
    ApplicationDataSource dataSource;
    @Resource
    TransactionSynchronizationRegistry transactions;

    /**
     * Empty when the presented token was not live (consumed, expired, revoked or unknown); then
     * nothing was written.
     *
     * @param refreshExpiry the successor's expiry unless its family ends sooner
     */
    public Optional<RotatedToken> rotate(String presentedHash, OffsetDateTime now, String successorHash,
                                         OffsetDateTime refreshExpiry, String userAgent) {
        if (transactions.getTransactionStatus() != Status.STATUS_NO_TRANSACTION) {
            throw new IllegalStateException("The one-statement rotation commits by itself: call it outside a transaction");
        }
        try (Connection connection = dataSource.get().getConnection()) {
            boolean autoCommit = connection.getAutoCommit();
            try (PreparedStatement statement = connection.prepareStatement(ROTATE)) {
                statement.setString(1, presentedHash);
                statement.setObject(2, now);
                statement.setString(3, presentedHash);
                statement.setObject(4, now);
                statement.setString(5, successorHash);
                statement.setObject(6, refreshExpiry);
                statement.setObject(7, now);
                statement.setString(8, userAgent);
                Optional<RotatedToken> rotated = read(statement);
                if (!autoCommit) {
                    connection.commit(); // a pool configured to hand out connections without auto-commit
                }
                return rotated;
            } catch (SQLException failed) {
                if (!autoCommit) {
                    rollBack(connection, failed); // never back to the pool inside an aborted transaction
                }
                throw failed;
            }
        } catch (SQLException failed) {
            throw new PersistenceException("Refresh token rotation failed", failed);
        }
    }

    private static void rollBack(Connection connection, SQLException failed) {
        try {
            connection.rollback();
        } catch (SQLException alsoFailed) {
            failed.addSuppressed(alsoFailed);
        }
    }

    private static Optional<RotatedToken> read(PreparedStatement statement) throws SQLException {
        try (ResultSet row = statement.executeQuery()) {
            if (!row.next()) {
                return Optional.empty();
            }
            return Optional.of(new RotatedToken(row.getLong(1), row.getString(2), ROLES.convertToEntityAttribute(row.getString(3)),
                    row.getInt(4), row.getLong(5), row.getObject(6, OffsetDateTime.class), row.getObject(7, OffsetDateTime.class),
                    row.getString(8)));
        }
    }
}
