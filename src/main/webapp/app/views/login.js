import { SECOND_FACTOR_REQUIRED, serviceInfo, signIn } from '../api.js';
import { busy, errorLine, field, h } from '../dom.js';

export function loginView(context, message) {
  const error = errorLine('login-error');
  const form = h('form', { class: 'card login', 'aria-labelledby': 'login-title', novalidate: true },
    h('h1', { id: 'login-title' }, 'Sign in'),
    message ? h('p', { class: 'muted', id: 'login-message' }, message) : null,
    field('username', 'Username', { autocomplete: 'username', required: true, autofocus: true }),
    field('password', 'Password', { type: 'password', autocomplete: 'current-password', required: true }),
    error,
    h('button', { type: 'submit' }, 'Sign in'),
    h('p', { id: 'register-offer', hidden: true }, 'No account yet? ', h('a', { href: '#/register' }, 'Create one')));
  // Offered only when the server says registration is open.
  serviceInfo().then((info) => {
    form.querySelector('#register-offer').hidden = info.registration !== 'open';
  }, () => {});
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    error.textContent = '';
    const username = form.elements.username.value.trim();
    const password = form.elements.password.value;
    if (!username || !password) {
      error.textContent = 'Enter your username and password.';
      return;
    }
    const button = form.querySelector('button');
    busy(button, true);
    try {
      await signIn(username, password);
      await context.signedIn();
    } catch (failure) {
      if (failure.apiText === SECOND_FACTOR_REQUIRED) {
        // The password was right; the second step asks for the code (the password stays in memory only).
        form.replaceWith(codeStep(context, username, password));
        return;
      }
      error.textContent = failure.message;
      if (!failure.cookiesRefused) {
        form.elements.password.select();
      }
    } finally {
      busy(button, false);
    }
  });
  return form;
}

/**
 * The second step of signing in, for a user with two-factor authentication on: the 6-digit code
 * from the authenticator app, or (after "Use a recovery code instead") one of the recovery codes.
 */
function codeStep(context, username, password) {
  const error = errorLine('code-error');
  let recovery = false;
  const hint = h('p', { id: 'code-hint' }, 'Enter the 6-digit code your authenticator app shows for MediaHub.');
  const [label, input] = field('code', 'Code', {
    autocomplete: 'one-time-code', inputmode: 'numeric', required: true, autofocus: true,
    'aria-describedby': 'code-hint', spellcheck: 'false',
  });
  const switcher = h('button', { type: 'button', class: 'link', id: 'use-recovery-code' }, 'Use a recovery code instead');
  const back = h('button', { type: 'button', class: 'link', id: 'code-step-back' }, 'Back to the password');
  const form = h('form', { class: 'card login', id: 'code-step', 'aria-labelledby': 'code-title', novalidate: true },
    h('h1', { id: 'code-title' }, 'Two-factor authentication'),
    hint, label, input, error,
    h('button', { type: 'submit' }, 'Verify'),
    h('p', {}, switcher),
    h('p', {}, back));
  // The password lives only in this closure: going back (or signing in) lets it go.
  back.addEventListener('click', () => {
    const start = loginView(context);
    form.replaceWith(start);
    start.elements.username.value = username;
    start.elements.password.focus();
  });
  switcher.addEventListener('click', () => {
    recovery = !recovery;
    label.textContent = recovery ? 'Recovery code' : 'Code';
    hint.textContent = recovery
      ? 'Enter one of the recovery codes you saved when you turned on two-factor authentication (xxxx-xxxx-xxxx-xxxx). Each works once.'
      : 'Enter the 6-digit code your authenticator app shows for MediaHub.';
    input.setAttribute('inputmode', recovery ? 'text' : 'numeric');
    input.setAttribute('autocomplete', recovery ? 'off' : 'one-time-code');
    switcher.textContent = recovery ? 'Use a code from your app instead' : 'Use a recovery code instead';
    input.value = '';
    error.textContent = '';
    input.focus();
  });
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    error.textContent = '';
    const code = input.value.trim();
    if (!code) {
      error.textContent = recovery ? 'Enter a recovery code.' : 'Enter the 6-digit code from your app.';
      input.focus();
      return;
    }
    const button = form.querySelector('button[type=submit]');
    busy(button, true);
    try {
      await signIn(username, password, code);
      await context.signedIn();
    } catch (failure) {
      error.textContent = failure.message;
      input.select();
    } finally {
      busy(button, false);
    }
  });
  setTimeout(() => input.focus(), 0);
  return form;
}
