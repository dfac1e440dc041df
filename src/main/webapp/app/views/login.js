import { signIn } from '../api.js';
import { errorLine, field, h } from '../dom.js';

export function loginView(context, message) {
  const error = errorLine('login-error');
  const form = h('form', { class: 'card login', 'aria-labelledby': 'login-title', novalidate: true },
    h('h1', { id: 'login-title' }, 'Sign in'),
    message ? h('p', { class: 'muted', id: 'login-message' }, message) : null,
    field('username', 'Username', { autocomplete: 'username', required: true, autofocus: true }),
    field('password', 'Password', { type: 'password', autocomplete: 'current-password', required: true }),
    error,
    h('button', { type: 'submit' }, 'Sign in'));
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
    button.disabled = true;
    try {
      await signIn(username, password);
      await context.signedIn();
    } catch (failure) {
      error.textContent = failure.message;
      form.elements.password.select();
    } finally {
      button.disabled = false;
    }
  });
  return form;
}
