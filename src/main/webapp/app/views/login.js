import { serviceInfo, signIn } from '../api.js';
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
