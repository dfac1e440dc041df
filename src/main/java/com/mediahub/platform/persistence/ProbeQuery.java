package com.mediahub.platform.persistence;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/**
 * Runs probe statements over plain JDBC, on a connection of the application's datasource (in
 * the caller's transaction, where there is one). Not through JPA: the provider would log the
 * expected syntax error of a database that does not speak the statement as a WARNING with a
 * 150-line stack trace, which reads like a failure on every first start with H2. The statement
 * keeps JPA's numbered parameters ({@code ?1}, which may repeat), so that the probe runs the very
 * text the application uses.
 */
@ApplicationScoped
public class ProbeQuery {

    private static final Pattern NUMBERED_PARAMETER = Pattern.compile("\\?(\\d+)");

    @Inject
    ApplicationDataSource dataSource;

    /**
     * Runs the statements in order on one connection; a database error comes back as the cause
     * of a {@link ProbeFailed}.
     */
    public void run(Step... steps) {
        try (Connection connection = dataSource.get().getConnection()) {
            for (Step step : steps) {
                execute(connection, step);
            }
        } catch (SQLException failed) {
            throw new ProbeFailed(failed);
        }
    }

    private static void execute(Connection connection, Step step) throws SQLException {
        List<Integer> order = new ArrayList<>();
        Matcher numbered = NUMBERED_PARAMETER.matcher(step.sql());
        while (numbered.find()) {
            order.add(Integer.parseInt(numbered.group(1)));
        }
        try (PreparedStatement statement = connection.prepareStatement(numbered.replaceAll("?"))) {
            for (int position = 0; position < order.size(); position++) {
                statement.setObject(position + 1, step.values()[order.get(position) - 1]);
            }
            statement.execute();
        }
    }

    /** One statement with JPA-style numbered parameters, and the values of ?1, ?2, ... */
    public record Step(String sql, Object... values) {
    }

    /** The database refused a probe; {@link ProbedSql} reads the SQLSTATE of the cause. */
    public static class ProbeFailed extends RuntimeException {
        ProbeFailed(SQLException cause) {
            super(cause.getSQLState(), cause);
        }
    }
}
