package com.mediahub.platform.persistence;

import java.util.List;
import javax.naming.InitialContext;
import javax.naming.NamingException;
import javax.sql.DataSource;

import jakarta.enterprise.context.ApplicationScoped;

/**
 * The datasource of the persistence unit, {@code jdbc/mediahub}, for the work that needs plain
 * JDBC (the migrations, the statement probes). Each server gives the name its own prefix, so it
 * is looked up under each in turn: Payara (global name), WildFly ({@code java:/}), TomEE
 * ({@code openejb:Resource/}).
 */
@ApplicationScoped
public class ApplicationDataSource {

    static final List<String> NAMES = List.of(
            "jdbc/mediahub", "java:/jdbc/mediahub", "openejb:Resource/jdbc/mediahub", "java:comp/env/jdbc/mediahub");

    private volatile DataSource found;

    public DataSource get() {
        DataSource known = found;
        if (known == null) {
            known = lookUp();
            found = known;
        }
        return known;
    }

    private static DataSource lookUp() {
        NamingException last = null;
        for (String name : NAMES) {
            try {
                return (DataSource) new InitialContext().lookup(name);
            } catch (NamingException notThisServer) {
                last = notThisServer;
            }
        }
        throw new IllegalStateException("No datasource under the JNDI name jdbc/mediahub (tried " + NAMES + ")", last);
    }
}
