package com.mediahub.users.boundary;

import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

import com.mediahub.audit.AuditEvent;
import com.mediahub.audit.SecurityAudit;
import com.mediahub.config.OperationsSettings;
import com.mediahub.platform.error.ApiException;
import com.mediahub.platform.error.ErrorCatalogue;
import com.mediahub.platform.error.ErrorResponses;
import com.mediahub.platform.json.Jsons;
import com.mediahub.platform.rest.JsonBodies;
import com.mediahub.platform.rest.PathIds;
import com.mediahub.security.AnonymousWhenRegistrationOpen;
import com.mediahub.security.CallerIdentity;
import com.mediahub.security.AccountSecurity;
import com.mediahub.security.CurrentCaller;
import com.mediahub.security.Role;
import com.mediahub.users.control.RegistrationThrottle;
import com.mediahub.users.control.SessionCounts;
import com.mediahub.users.control.TwoFactorStatus;
import com.mediahub.users.control.UserService;
import com.mediahub.users.entity.User;

import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonArray;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/** User endpoints (contract 3.7). */
@Path("users")
@ApplicationScoped
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({Role.USER, Role.ADMIN})
public class UsersResource {

    @Inject
    UserService users;
    @Inject
    CurrentCaller caller;
    @Inject
    OperationsSettings operations;
    @Inject
    RegistrationThrottle registrations;
    @Inject
    SecurityAudit audit;
    @Inject
    HttpServletRequest request;
    @Inject
    SessionCounts sessionCounts;
    @Inject
    TwoFactorStatus twoFactor;

    @GET
    @Path("me")
    public JsonObject me() {
        long id = caller.get().id();
        return UserJson.withTwoFactor(users.profile(id), twoFactor.of(id));
    }

    /** Each user with {@code session_count}, the number of their sessions (for the admin's user list). */
    @GET
    @RolesAllowed(Role.ADMIN)
    public JsonArray list() {
        Map<Long, Long> sessions = sessionCounts.perUser();
        JsonArrayBuilder array = Jsons.PROVIDER.createArrayBuilder();
        users.listAll().forEach(user -> array.add(Jsons.PROVIDER.createObjectBuilder(UserJson.of(user))
                .add("session_count", sessions.getOrDefault(user.getId(), 0L))));
        return array.build();
    }

    /**
     * An admin creates any user (contract 3.7). With {@code [auth] registration = "open"} an
     * unauthenticated caller (the mechanism lets only this request through without credentials)
     * registers a {@code user} account; roles in the body are refused, attempts are throttled per
     * client address.
     */
    @POST
    @PermitAll
    @AnonymousWhenRegistrationOpen
    @AccountSecurity
    @Consumes(MediaType.APPLICATION_JSON)
    public Response create(String body) {
        Optional<CallerIdentity> me = caller.find();
        if (me.isEmpty()) {
            return register(body);
        }
        if (!me.get().roles().contains(Role.ADMIN)) {
            throw new ApiException(ErrorCatalogue.ROLE_REQUIRED, Role.ADMIN);
        }
        JsonObject json = JsonBodies.object(body);
        String username = JsonBodies.requiredString(json, "username");
        String password = JsonBodies.requiredString(json, "password");
        Set<String> roles = new TreeSet<>(JsonBodies.optionalStringList(json, "roles").orElse(List.of(Role.USER)));
        return created(users.create(username, password, roles, UserService.Origin.ADMIN));
    }

    private Response register(String body) {
        if (!operations.registrationOpen()) {
            throw new ApiException(ErrorCatalogue.AUTHORIZATION_HEADER_REQUIRED); // fail closed
        }
        Optional<java.time.Duration> wait = registrations.attempt(request.getRemoteAddr());
        if (wait.isPresent()) {
            return Response.fromResponse(ErrorResponses.of(ErrorCatalogue.TOO_MANY_REGISTRATIONS))
                    .header("Retry-After", wait.get().toSeconds() + 1).build();
        }
        JsonObject json = JsonBodies.object(body);
        if (json.containsKey("roles")) {
            throw new ApiException(ErrorCatalogue.ROLES_NOT_ALLOWED);
        }
        User created = users.create(JsonBodies.requiredString(json, "username"),
                JsonBodies.requiredString(json, "password"), Set.of(Role.USER), UserService.Origin.SELF_REGISTRATION);
        audit.record(AuditEvent.USER_REGISTERED, created.getId(), null);
        return created(created);
    }

    private static Response created(User user) {
        return Response.created(URI.create("users/" + user.getId())).entity(UserJson.of(user)).build();
    }

    @PUT
    @Path("{id}/password")
    @AccountSecurity
    @Consumes(MediaType.APPLICATION_JSON)
    public JsonObject changePassword(@PathParam("id") String id, String body) {
        JsonObject json = JsonBodies.object(body);
        int revoked = users.changePassword(caller.get(), PathIds.parse(id),
                JsonBodies.optionalString(json, "current_password").orElse(null),
                JsonBodies.requiredString(json, "new_password"), request.getRemoteAddr());
        return Jsons.PROVIDER.createObjectBuilder()
                .add("message", "Password changed; every session of this user was signed out.")
                .add("revoked", revoked).build();
    }

    @DELETE
    @Path("{id}")
    @AccountSecurity
    public Response delete(@PathParam("id") String id) {
        users.delete(caller.get(), PathIds.parse(id));
        return Response.noContent().build();
    }
}
