package com.mediahub.it;

import java.net.URL;

import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.ShrinkWrap;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Base of the Arquillian tests: deploys the REAL built WAR (target/mediahub.war, not a
 * ShrinkWrap assembly) into Payara Micro with the PostgreSQL datasource, and tests it as a
 * black box over HTTP.
 */
@ExtendWith(ArquillianExtension.class)
public abstract class DeployedWar {

    @ArquillianResource
    protected URL base;

    protected Api api;
    protected final Db db = new Db(ItEnvironment.ARQUILLIAN_DB);

    @Deployment(testable = false)
    public static WebArchive war() {
        return ShrinkWrap.createFromZipFile(WebArchive.class, ItEnvironment.war().toFile());
    }

    @BeforeEach
    void client() {
        api = new Api(base.toString());
        // Every test here logs in from 127.0.0.1: start each with no failed logins counted.
        db.update("DELETE FROM login_failures");
    }

    protected static String admin() {
        return Api.basic("admin", ItEnvironment.adminPassword());
    }
}
