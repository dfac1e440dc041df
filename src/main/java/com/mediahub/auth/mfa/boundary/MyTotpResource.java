package com.mediahub.auth.mfa.boundary;

import java.util.List;

import com.mediahub.auth.mfa.control.Enrolment;
import com.mediahub.auth.mfa.control.SecondFactorAccount;
import com.mediahub.platform.json.Jsons;
import com.mediahub.platform.rest.JsonBodies;
import com.mediahub.security.CurrentCaller;
import com.mediahub.security.AccountSecurity;
import com.mediahub.security.Role;

import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/**
 * The caller's own TOTP: {@code POST} starts an enrolment (the password again: a stolen access
 * token must not enrol the thief's phone), {@code POST confirm} turns it on with a code and
 * answers the recovery codes once, {@code DELETE} turns it off with the password and a code. The
 * path is longer than {@code users}, so JAX-RS matches this class first for it.
 */
@Path("users/me/totp")
@ApplicationScoped
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({Role.USER, Role.ADMIN})
@AccountSecurity
public class MyTotpResource {

    @Inject
    SecondFactorAccount account;
    @Inject
    CurrentCaller caller;
    @Inject
    HttpServletRequest request;

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    public Response enrol(String body) {
        String password = JsonBodies.requiredString(JsonBodies.object(body), "password");
        Enrolment enrolment = account.enrol(caller.get(), password, request.getRemoteAddr());
        JsonObject json = Jsons.PROVIDER.createObjectBuilder()
                .add("secret", enrolment.secret())
                .add("otpauth_uri", enrolment.uri())
                .add("qr_svg", enrolment.qrSvg())
                .build();
        return Response.status(Response.Status.CREATED).entity(json).header("Cache-Control", "no-store").build();
    }

    @POST
    @Path("confirm")
    @Consumes(MediaType.APPLICATION_JSON)
    public Response confirm(String body) {
        String code = CodeField.totpOf(JsonBodies.object(body));
        return RecoveryCodesJson.response(account.confirm(caller.get(), code, request.getRemoteAddr()));
    }

    @DELETE
    @Consumes(MediaType.APPLICATION_JSON)
    public Response disable(String body) {
        JsonObject json = JsonBodies.object(body);
        String password = JsonBodies.requiredString(json, "password");
        String code = CodeField.totpOrRecoveryOf(json);
        account.disable(caller.get(), password, code, request.getRemoteAddr());
        return Response.noContent().build();
    }

    /** Recovery codes leave the server only in these answers: never cached anywhere. */
    static final class RecoveryCodesJson {
        private RecoveryCodesJson() {
        }

        static Response response(List<String> codes) {
            var array = Jsons.PROVIDER.createArrayBuilder();
            codes.forEach(array::add);
            return Response.ok(Jsons.PROVIDER.createObjectBuilder().add("recovery_codes", array).build())
                    .header("Cache-Control", "no-store").build();
        }
    }
}
