import { call } from '../api.js';
import { errorLine, field, h, submitting, when } from '../dom.js';
import { plural } from '../messages.js';

/** Administration: every user with roles, creation time and sessions, and the form for a new user. */
export async function adminView(context) {
  const users = await call('GET', 'api/users'); // 403 for a non-admin becomes the problem page
  return {
    title: 'Users',
    node: h('div', {},
      h('h1', {}, 'Users'),
      h('table', { id: 'users' },
        h('caption', { class: 'muted' }, plural(users.length, 'user')),
        h('thead', {}, h('tr', {}, ['Username', 'Roles', 'Created', 'Sessions'].map((t) => h('th', { scope: 'col' }, t)))),
        h('tbody', {}, users.map((u) => h('tr', { 'data-user': u.id },
          h('td', { 'data-label': 'Username' }, h('a', { href: `#/admin/users/${u.id}` }, u.username),
            u.id === context.me().id ? h('span', { class: 'badge' }, ' you') : null),
          h('td', { 'data-label': 'Roles' }, u.roles.join(', ')),
          h('td', { 'data-label': 'Created' }, when(u.created_at)),
          h('td', { 'data-label': 'Sessions', class: 'session-count' }, String(u.session_count)))))),
      newUserForm(context)),
  };
}

function newUserForm(context) {
  const error = errorLine('new-user-error');
  const role = (value, label, checked) => h('label', { class: 'check' },
    h('input', { type: 'checkbox', name: 'roles', value, id: `role-${value}`, checked }), ` ${label}`);
  const form = h('form', { class: 'card', id: 'new-user', 'aria-labelledby': 'new-user-title', novalidate: true },
    h('h2', { id: 'new-user-title' }, 'New user'),
    field('create-username', 'Username', { required: true, autocomplete: 'off' }),
    field('create-password', 'Password (at least 8 characters)', { type: 'password', autocomplete: 'new-password', required: true, minlength: 8 }),
    h('fieldset', {}, h('legend', {}, 'Roles'),
      role('user', 'user: their own databases', true),
      role('admin', 'admin: every database and this page', false)),
    error,
    h('button', { type: 'submit' }, 'Create user'));
  form.addEventListener('submit', submitting(form, error, async () => {
    const roles = [...form.querySelectorAll('input[name=roles]:checked')].map((box) => box.value);
    if (roles.length === 0) {
      throw new Error('Choose at least one role.');
    }
    const created = await call('POST', 'api/users', {
      username: form.elements['create-username'].value,
      password: form.elements['create-password'].value,
      roles,
    });
    await context.refresh('create-username');
    context.say(`User “${created.username}” created.`);
  }));
  return form;
}
