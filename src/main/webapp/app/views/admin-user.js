import { ApiError, call } from '../api.js';
import { acting, deleteSection, errorLine, field, h, submitting, when } from '../dom.js';
import { plural } from '../messages.js';
import { sessionsTable } from './sessions-section.js';

/** An admin's page for one user: their sessions (and signing them out everywhere), a new password, deleting them. */
export async function adminUserView(context, id) {
  const user = (await call('GET', 'api/users')).find((u) => u.id === id);
  if (!user) {
    throw new ApiError(404, 'User not found');
  }
  const yourself = user.id === context.me().id;
  const sessions = await call('GET', `api/users/${id}/sessions`);
  return {
    title: user.username,
    node: h('div', {},
      h('p', {}, h('a', { href: '#/admin' }, '← Users')),
      h('h1', { id: 'user-heading', tabindex: -1 }, user.username),
      h('p', { class: 'muted', id: 'user-summary' }, `${user.roles.join(', ')} · created ${when(user.created_at)}`),
      yourself
        ? h('p', { id: 'yourself' }, 'This is you: change your password and end your sessions on ',
          h('a', { href: '#/account' }, 'your account page'), '.')
        : [sessionsCard(context, user, sessions), passwordForm(context, user), deleteUser(context, user)]),
  };
}

function sessionsCard(context, user, sessions) {
  const error = errorLine('user-sessions-error');
  return h('section', { class: 'card', id: 'user-sessions', 'aria-labelledby': 'user-sessions-title' },
    h('h2', { id: 'user-sessions-title' }, 'Sessions'),
    sessions.length === 0
      ? h('p', { class: 'muted', id: 'no-sessions' }, `${user.username} is not signed in anywhere.`)
      : sessionsTable(sessions, null),
    error,
    sessions.length === 0 ? null : h('button', {
      type: 'button',
      class: 'danger',
      id: 'sign-user-out',
      onclick: acting(error, async () => {
        if (window.confirm(`Sign ${user.username} out everywhere? This ends ${plural(sessions.length, 'session')}.`)) {
          const result = await call('DELETE', `api/users/${user.id}/sessions`);
          await context.refresh('user-heading');
          context.say(`${user.username} was signed out of ${plural(result.revoked, 'session')}.`);
        }
      }),
    }, 'Sign out everywhere'));
}

/** An admin sets a new password without the old one; every session of the user ends (contract 3.7). */
function passwordForm(context, user) {
  const error = errorLine('set-password-error');
  const form = h('form', { class: 'card', id: 'set-password', 'aria-labelledby': 'set-password-title', novalidate: true },
    h('h2', { id: 'set-password-title' }, 'Set a new password'),
    h('p', { class: 'muted' }, `${user.username} is signed out everywhere and signs in with the new password.`),
    field('user-new-password', 'New password (at least 8 characters)', { type: 'password', autocomplete: 'new-password', required: true, minlength: 8 }),
    field('user-repeat-password', 'New password again', { type: 'password', autocomplete: 'new-password', required: true }),
    error,
    h('button', { type: 'submit' }, 'Set password'));
  form.addEventListener('submit', submitting(form, error, async () => {
    const next = form.elements['user-new-password'].value;
    if (next !== form.elements['user-repeat-password'].value) {
      throw new Error('The two new passwords are not the same.');
    }
    await call('PUT', `api/users/${user.id}/password`, { new_password: next });
    await context.refresh('user-heading');
    context.say(`New password set for ${user.username}.`);
  }));
  return form;
}

function deleteUser(context, user) {
  return deleteSection({
    id: 'delete-user',
    explanation: `Deleting ${user.username} deletes their databases and entries and ends their sessions. It cannot be undone.`,
    question: `Delete the user “${user.username}”, with their databases and entries? This cannot be undone.`,
    label: 'Delete user',
    action: async () => {
      await call('DELETE', `api/users/${user.id}`);
      location.hash = '#/admin';
      context.say(`User “${user.username}” deleted.`);
    },
  });
}
