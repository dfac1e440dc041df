import { register, serviceInfo, signIn } from '../api.js';
import { errorLine, field, h, submitting } from '../dom.js';

/** Creating an account for oneself, when [auth] registration is open; signs the new user in. */
export function registerView(context) {
  const error = errorLine('register-error');
  const form = h('form', { class: 'card login', id: 'register', 'aria-labelledby': 'register-title', novalidate: true },
    h('h1', { id: 'register-title' }, 'Create an account'),
    field('new-username', 'Username', { autocomplete: 'username', required: true, maxlength: 64 }),
    field('new-user-password', 'Password (at least 8 characters)', { type: 'password', autocomplete: 'new-password', required: true, minlength: 8 }),
    field('new-user-repeat', 'Password again', { type: 'password', autocomplete: 'new-password', required: true }),
    error,
    h('button', { type: 'submit' }, 'Create account'),
    h('p', {}, 'Have an account? ', h('a', { href: '#/login' }, 'Sign in')));
  serviceInfo().then((info) => {
    if (info.registration !== 'open') {
      error.textContent = 'This server does not take registrations: ask an admin for an account.';
      form.querySelector('button[type=submit]').disabled = true;
    }
  }, () => {});
  form.addEventListener('submit', submitting(form, error, async () => {
    const username = form.elements['new-username'].value.trim();
    const password = form.elements['new-user-password'].value;
    if (!username || !password) {
      throw new Error('Choose a username and a password.');
    }
    if (password !== form.elements['new-user-repeat'].value) {
      throw new Error('The two passwords are not the same.');
    }
    await register(username, password);
    await signIn(username, password);
    location.hash = '#/databases';
    await context.signedIn();
  }));
  return form;
}
