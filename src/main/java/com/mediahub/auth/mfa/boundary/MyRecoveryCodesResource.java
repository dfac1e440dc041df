package com.mediahub.auth.mfa.boundary;

import com.mediahub.auth.mfa.control.SecondFactorAccount;
import com.mediahub.platform.rest.JsonBodies;
import com.mediahub.security.CurrentCaller;
import com.mediahub.security.AccountSecurity;
import com.mediahub.security.Role;

import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/** {@code POST /api/users/me/recovery-codes} with a TOTP or recovery code: a new set replaces the old. */
@Path("users/me/recovery-codes")
@ApplicationScoped
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({Role.USER, Role.ADMIN})
@AccountSecurity
public class MyRecoveryCodesResource {

    @Inject
    SecondFactorAccount account;
    @Inject
    CurrentCaller caller;
    @Inject
    HttpServletRequest request;

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    public Response replace(String body) {
        String code = CodeField.totpOrRecoveryOf(JsonBodies.object(body));
        return MyTotpResource.RecoveryCodesJson.response(account.replaceRecoveryCodes(caller.get(), code, request.getRemoteAddr()));
    }
}
