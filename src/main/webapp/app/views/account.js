import { call, signIn, signOut } from '../api.js';
import { errorLine, field, h, submitting } from '../dom.js';
import { appPasswordsSection } from './app-passwords-section.js';
import { sessionsSection } from './sessions-section.js';
import { twoFactorSection } from './two-factor-section.js';

/** The account page: who you are, a new password, two-factor sign-in, app passwords, your sessions. */
export async function accountView(context) {
  const me = context.me();
  return {
    title: 'Account',
    node: h('div', {},
      h('h1', {}, 'Your account'),
      h('p', { id: 'account-summary' }, `Signed in as ${me.username}`,
        me.roles.length ? ` (${me.roles.join(', ')})` : ''),
      passwordForm(context, me),
      twoFactorSection(context),
      await appPasswordsSection(context),
      await sessionsSection(context)),
  };
}

/**
 * Changing the password signs out every session of the user, this browser's too (contract 3.7);
 * the page then signs this browser in again with the new password, so only the others end.
 */
function passwordForm(context, me) {
  const error = errorLine('password-error');
  const form = h('form', { class: 'card', id: 'change-password', 'aria-labelledby': 'password-title', novalidate: true },
    h('h2', { id: 'password-title' }, 'Change your password'),
    field('current-password', 'Current password', { type: 'password', autocomplete: 'current-password', required: true }),
    field('new-password', 'New password (at least 8 characters)', { type: 'password', autocomplete: 'new-password', required: true, minlength: 8 }),
    field('repeat-password', 'New password again', { type: 'password', autocomplete: 'new-password', required: true }),
    error,
    h('button', { type: 'submit' }, 'Change password'));
  form.addEventListener('submit', submitting(form, error, async () => {
    const current = form.elements['current-password'].value;
    const next = form.elements['new-password'].value;
    if (!current || !next) {
      throw new Error('Enter your current password and a new one.');
    }
    if (next !== form.elements['repeat-password'].value) {
      throw new Error('The two new passwords are not the same.');
    }
    const result = await call('PUT', `api/users/${me.id}/password`, { current_password: current, new_password: next });
    if (me.two_factor && me.two_factor.totp) {
      // Signing this browser in again would need a code: sign in afresh instead.
      await signOut();
      return;
    }
    await signIn(me.username, next);
    await context.refresh();
    const others = Math.max(0, result.revoked - 1);
    context.say(others === 0 ? 'Password changed.' : `Password changed; ${others} other session${others === 1 ? '' : 's'} signed out.`);
  }));
  return form;
}
