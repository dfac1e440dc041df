package com.mediahub.auth.apppassword.control;

import com.mediahub.auth.mfa.control.SecondFactorReset;
import com.mediahub.users.events.PasswordChanged;
import com.mediahub.users.events.UserDeleted;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.inject.Inject;

/**
 * What ends all of a user's app passwords besides revoking them one by one (ADR 0024):
 * <ul>
 * <li>a new password, whether the user chose it or an admin set it: after a suspected compromise
 *     it must also end what the intruder may have made, and scripts get a new app password;</li>
 * <li>an admin's reset of the second factor (a lost phone: whoever has it may have made some);</li>
 * <li>deleting the user (the rows go by ON DELETE CASCADE; only this instance's memory is left).</li>
 * </ul>
 * The rows are deleted in the transaction of the change, so both commit or neither; this
 * instance forgets them once it committed, other instances within {@code user_cache_seconds}.
 */
@ApplicationScoped
public class AppPasswordRevocations {

    @Inject
    AppPasswordWrites writes;
    @Inject
    AppPasswordCheck check;

    void onPasswordChanged(@Observes PasswordChanged changed) {
        writes.revokeAll(changed.userId());
    }

    void onSecondFactorReset(@Observes SecondFactorReset reset) {
        writes.revokeAll(reset.userId());
    }

    void forgetAfterPasswordChange(@Observes(during = TransactionPhase.AFTER_SUCCESS) PasswordChanged changed) {
        check.forgetUser(changed.userId());
    }

    void forgetAfterSecondFactorReset(@Observes(during = TransactionPhase.AFTER_SUCCESS) SecondFactorReset reset) {
        check.forgetUser(reset.userId());
    }

    void forgetAfterUserDeleted(@Observes(during = TransactionPhase.AFTER_SUCCESS) UserDeleted deleted) {
        check.forgetUser(deleted.userId());
    }
}
