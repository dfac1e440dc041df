package com.mediahub.downstream;

import org.eclipse.microprofile.auth.LoginConfig;

import jakarta.annotation.security.DeclareRoles;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.core.Application;

/** A CDI bean (Payara finds {@code @LoginConfig} through CDI), so: application scoped. */
@ApplicationPath("/api")
@ApplicationScoped
@LoginConfig(authMethod = "MP-JWT")
@DeclareRoles({"user", "admin"})
public class DownstreamApplication extends Application {
}
