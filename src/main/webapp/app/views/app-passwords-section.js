import { call } from '../api.js';
import { acting, errorLine, field, h, submitting, when } from '../dom.js';

/**
 * "App passwords" on the account page (issue 19): passwords for scripts and tools that use Basic,
 * each named and revocable, optionally read-only. The value is shown once, right after it is made,
 * with Copy; the list shows when each was last used (to the minute).
 */
export async function appPasswordsSection(context) {
  const appPasswords = await call('GET', 'api/users/me/app-passwords');
  const section = h('section', { class: 'card', id: 'app-passwords', 'aria-labelledby': 'app-passwords-title' });
  section.append(...listView(context, section, appPasswords));
  return section;
}

function heading() {
  return h('h2', { id: 'app-passwords-title' }, 'App passwords');
}

function listView(context, section, appPasswords) {
  const error = errorLine('app-passwords-error');
  const revoke = (p) => h('button', {
    type: 'button',
    class: 'secondary',
    'aria-label': `Revoke ${p.name}`,
    onclick: acting(error, async () => {
      if (window.confirm(`Revoke "${p.name}"? Whatever uses it stops working at once.`)) {
        await call('DELETE', `api/users/me/app-passwords/${p.id}`);
        await context.refresh();
        context.say(`App password "${p.name}" revoked.`);
      }
    }),
  }, 'Revoke');
  return [heading(),
    h('p', { class: 'muted' }, 'For scripts and tools that sign in with your username and a password on every request (HTTP Basic). ',
      'They work with two-factor authentication on, but cannot sign in to this page or change your password, ',
      'two-factor authentication or app passwords. Changing your password revokes them all.'),
    appPasswords.length === 0
      ? h('p', { id: 'app-passwords-empty' }, 'No app passwords yet.')
      : h('table', { id: 'app-password-list' },
        h('thead', {}, h('tr', {}, ['Name', 'Access', 'Created', 'Last used', ''].map((t) => h('th', { scope: 'col' }, t)))),
        h('tbody', {}, appPasswords.map((p) => h('tr', { 'data-app-password': p.id },
          h('td', { 'data-label': 'Name', class: 'name' }, p.name),
          h('td', { 'data-label': 'Access' }, p.read_only ? 'Read-only' : 'Read and write'),
          h('td', { 'data-label': 'Created' }, when(p.created_at)),
          h('td', { 'data-label': 'Last used', class: 'last-used' }, p.last_used_at ? when(p.last_used_at) : 'Never'),
          h('td', {}, revoke(p)))))),
    error,
    createForm(context, section)];
}

/** A name, the read-only box, and the account password again: a stolen session must not make one. */
function createForm(context, section) {
  const error = errorLine('app-password-create-error');
  const form = h('form', { id: 'app-password-create', novalidate: true },
    h('h3', {}, 'New app password'),
    field('app-password-name', 'Name (what will use it, e.g. "backup script")', { required: true, maxlength: 100, autocomplete: 'off' }),
    h('label', { class: 'check' },
      h('input', { type: 'checkbox', id: 'app-password-read-only', name: 'app-password-read-only' }),
      ' Read-only: it may only read (GET and HEAD requests)'),
    field('app-password-password', 'Your password', { type: 'password', autocomplete: 'current-password', required: true }),
    error,
    h('button', { type: 'submit' }, 'Create app password'));
  form.addEventListener('submit', submitting(form, error, async () => {
    const name = form.elements['app-password-name'].value.trim();
    const password = form.elements['app-password-password'].value;
    if (!name || !password) {
      throw new Error('Enter a name and your password.');
    }
    let created;
    try {
      created = await call('POST', 'api/users/me/app-passwords',
        { name, read_only: form.elements['app-password-read-only'].checked, password });
    } finally {
      form.elements['app-password-password'].value = ''; // not left in the page, right or wrong
    }
    section.replaceChildren(...createdView(context, created));
    section.querySelector('#app-password-done').focus();
  }));
  return form;
}

/** The new value, this once, with Copy. */
function createdView(context, created) {
  const note = h('p', { role: 'status', id: 'app-password-note' });
  return [heading(),
    h('p', { id: 'app-password-created' }, `App password "${created.name}" created${created.read_only ? ' (read-only)' : ''}.`),
    h('p', {}, h('strong', {}, 'Copy it now: it is shown only this once. '),
      `Use it with your username, ${context.me().username}, wherever the tool asks for a password.`),
    h('p', {}, h('code', { class: 'secret', id: 'new-app-password', 'aria-label': 'The new app password' }, created.password)),
    note,
    h('div', { class: 'actions' },
      h('button', {
        type: 'button', class: 'secondary', id: 'copy-app-password',
        onclick: async () => {
          try {
            await navigator.clipboard.writeText(created.password);
            note.textContent = 'Copied.';
          } catch (refused) {
            note.textContent = 'Your browser did not allow copying: select the password and copy it.';
          }
        },
      }, 'Copy'),
      h('button', { type: 'button', id: 'app-password-done', onclick: () => context.refresh() }, 'Done'))];
}
