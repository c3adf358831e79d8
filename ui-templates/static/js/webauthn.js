// Latchkey's WebAuthn client: one small ES module, no inline script (the CSP forbids it).
// Pages hand it data through data-* attributes and the csrf-token meta tag; every failure
// reaches the user as a readable message and keeps its cause for the console.

const csrfToken = () => document.querySelector('meta[name="csrf-token"]')?.content ?? '';

/**
 * A sentence in the page's language: the page renders them from its messages into
 * <template id="ui-texts" data-...> (fragments.html); the English here is only the fallback for a page without it.
 */
export function text(name, english) {
  return document.getElementById('ui-texts')?.dataset?.[name] || english;
}

/** The JSON serialisation helpers of WebAuthn Level 3; without them we cannot talk to the server. */
export function browserCanUsePasskeys() {
  return typeof window.PublicKeyCredential === 'function'
    && typeof PublicKeyCredential.parseCreationOptionsFromJSON === 'function'
    && typeof PublicKeyCredential.parseRequestOptionsFromJSON === 'function'
    && typeof navigator.credentials?.create === 'function';
}

export async function postJson(url, body) {
  let response;
  try {
    response = await fetch(url, {
      method: 'POST',
      credentials: 'same-origin',
      headers: { 'Content-Type': 'application/json', 'Accept': 'application/json', 'X-CSRF-Token': csrfToken() },
      body: typeof body === 'string' ? body : JSON.stringify(body ?? {}),
    });
  } catch (cause) {
    throw new Error(text('network', 'We could not reach the server. Check your connection and try again.'), { cause });
  }
  let data = {};
  try {
    data = await response.json();
  } catch (cause) {
    if (response.ok) {
      throw new Error(text('unreadable', 'The server sent an answer we could not read. Please try again.'), { cause });
    }
  }
  if (!response.ok) {
    const error = new Error(data.error
      || text('failed', 'The request failed ({0}). Please try again.').replace('{0}', String(response.status)));
    error.status = response.status;
    error.details = data;
    throw error;
  }
  return data;
}

/**
 * What this browser says it can do with passkeys, sent with each finished ceremony so the server
 * knows whether this device can hold a passkey. A missing capability is unknown (null), not false:
 * getClientCapabilities() is missing in Chrome before 133 and Safari before 17.4.
 */
export async function clientCapabilities() {
  const report = { platformAuthenticator: null, conditionalGet: null, conditionalCreate: null, hybridTransport: null };
  try {
    if (typeof PublicKeyCredential.getClientCapabilities === 'function') {
      const caps = await PublicKeyCredential.getClientCapabilities();
      for (const [key, name] of [['conditionalGet', 'conditionalGet'], ['conditionalCreate', 'conditionalCreate'],
        ['hybridTransport', 'hybridTransport'], ['userVerifyingPlatformAuthenticator', 'platformAuthenticator']]) {
        if (typeof caps?.[key] === 'boolean') report[name] = caps[key];
      }
    }
    if (report.platformAuthenticator === null
        && typeof PublicKeyCredential.isUserVerifyingPlatformAuthenticatorAvailable === 'function') {
      report.platformAuthenticator = await PublicKeyCredential.isUserVerifyingPlatformAuthenticatorAvailable();
    }
  } catch (error) {
    console.warn('Could not read passkey capabilities', error);
  }
  return report;
}

export async function finishBody(credential) {
  return { credential: credential.toJSON(), client: await clientCapabilities() };
}

/** Turns what navigator.credentials throws into words for a person. */
export function explain(error, ceremony) {
  switch (error?.name) {
    case 'NotAllowedError':
      return ceremony === 'create'
        ? text('cancelledCreate', 'The passkey was not created: the prompt was closed or timed out. Try again when you are ready.')
        : text('cancelledGet', 'Sign-in was cancelled or timed out. Try again when you are ready.');
    case 'InvalidStateError':
      return text('invalidState', 'This device already has a passkey for this account.');
    case 'NotSupportedError':
      return text('notSupported', 'This device has no way to store a passkey. Try another device or a security key.');
    case 'SecurityError':
      return text('security', 'This page cannot use passkeys at its current address. Check that you opened the right site.');
    case 'AbortError':
      return text('abort', 'The passkey request was stopped. Try again.');
    default:
      return error?.message || text('unknown', 'The passkey could not be used. Please try again.');
  }
}

export function show(element, message) {
  if (!element) return;
  element.textContent = message;
  element.hidden = !message;
}

// ---------------------------------------------------------------- sign-in

function setUpSignIn() {
  const form = document.getElementById('signin-form');
  const button = document.getElementById('passkey-button');
  const status = document.getElementById('signin-status');
  const errorBox = document.getElementById('signin-error');
  const next = form?.dataset.next || '/account/security';
  let autofill = null;
  let buttonBusy = false;

  const finish = async (credential, options) => {
    show(status, text('checking', 'Checking your passkey…'));
    let result;
    try {
      result = await postJson(`/api/signin/finish?next=${encodeURIComponent(next)}`, await finishBody(credential));
    } catch (error) {
      signalUnknownCredential(error, options, credential);
      throw error;
    }
    window.location.assign(result.redirect);
  };

  // Passkey autofill (conditional mediation): started once, silently; it waits until the user
  // picks a passkey in the username field's suggestions.
  const startAutofill = async () => {
    // Never on a shared computer: no passkey lives there, and autofill would list other people's.
    // Nor where the page has no email field to offer passkeys in (the choices after "Continue").
    if (form?.dataset.shared === 'true' || form?.dataset.autofill === 'off') return;
    if (typeof PublicKeyCredential.isConditionalMediationAvailable !== 'function'
        || !(await PublicKeyCredential.isConditionalMediationAvailable())) {
      return;
    }
    // The button may have been pressed while we waited: one WebAuthn request at a time.
    if (buttonBusy) return;
    const controller = new AbortController();
    autofill = controller;
    try {
      const options = await postJson('/api/signin/options', { mediation: 'conditional' });
      if (controller.signal.aborted) return;
      const credential = await navigator.credentials.get({
        publicKey: PublicKeyCredential.parseRequestOptionsFromJSON(options),
        mediation: 'conditional',
        signal: controller.signal,
      });
      if (credential) await finish(credential, options);
    } catch (error) {
      if (controller.signal.aborted || error?.name === 'AbortError') return; // the button took over
      console.error(new Error('Passkey autofill sign-in failed', { cause: error }));
      show(status, '');
      show(errorBox, explain(error, 'get'));
    }
  };

  // The main button, and "Use a phone or tablet" / "Use a security key", which ask the server for
  // options with that WebAuthn L3 hint (data-hint) so the browser goes straight to the QR code or the key.
  const modalButtons = [button, ...document.querySelectorAll('#signin-form button[data-hint]')];
  const signInModal = async (hint) => {
    // One WebAuthn request at a time: the button's modal request replaces the autofill one.
    buttonBusy = true;
    autofill?.abort();
    autofill = null;
    show(errorBox, '');
    modalButtons.forEach((b) => { b.disabled = true; });
    try {
      const options = await postJson('/api/signin/options', hint ? { mediation: 'modal', hint } : { mediation: 'modal' });
      show(status, hint === 'hybrid' ? text('promptHybrid', 'Scan the QR code with your phone or tablet, then follow its prompt.')
        : hint === 'security-key' ? text('promptSecurityKey', 'Insert or tap your security key, then follow the prompt.')
          : text('promptGet', 'Follow your device’s prompt to use your passkey.'));
      const credential = await navigator.credentials.get({
        publicKey: PublicKeyCredential.parseRequestOptionsFromJSON(options),
      });
      await finish(credential, options);
    } catch (error) {
      console.error(new Error('Passkey sign-in failed', { cause: error }));
      show(status, '');
      show(errorBox, explain(error, 'get'));
      modalButtons.forEach((b) => { b.disabled = false; });
      buttonBusy = false;
      startAutofill();
    }
  };
  modalButtons.forEach((b) => b.addEventListener('click', () => signInModal(b.dataset.hint)));

  // The password form reports this browser's capabilities too (hidden fields): conditionalCreate
  // lets the server choose the automatic passkey upgrade after a password sign-in.
  clientCapabilities().then((report) => {
    document.querySelectorAll('input[type="hidden"][data-capability]').forEach((field) => {
      const value = report[field.dataset.capability];
      field.value = typeof value === 'boolean' ? String(value) : '';
    });
  });

  startAutofill();
}

// ---------------------------------------------------------------- sign-up

function setUpSignUp() {
  const form = document.getElementById('signup-form');
  const button = document.getElementById('signup-button');
  const status = document.getElementById('signup-status');
  const errorBox = document.getElementById('signup-error');

  const showFieldErrors = (errors) => {
    for (const field of ['email', 'displayName']) {
      const input = document.getElementById(field);
      const message = errors?.[field] ?? '';
      document.getElementById(`${field}-error`).textContent = message;
      input.setAttribute('aria-invalid', message ? 'true' : 'false');
    }
    const first = ['email', 'displayName'].find((f) => errors?.[f]);
    if (first) document.getElementById(first).focus();
  };

  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    show(errorBox, '');
    showFieldErrors({});
    button.disabled = true;
    try {
      const options = await postJson('/api/signup/options', {
        email: form.elements.email.value,
        displayName: form.elements.displayName.value,
      });
      show(status, text('promptCreate', 'Follow your device’s prompt to create your passkey.'));
      const credential = await navigator.credentials.create({
        publicKey: PublicKeyCredential.parseCreationOptionsFromJSON(options),
      });
      show(status, text('saving', 'Saving your passkey…'));
      const result = await postJson('/api/signup/finish', await finishBody(credential));
      window.location.assign(result.redirect);
    } catch (error) {
      console.error(new Error('Sign-up failed', { cause: error }));
      show(status, '');
      if (error.details?.errors) {
        showFieldErrors(error.details.errors);
      }
      show(errorBox, explain(error, 'create'));
      button.disabled = false;
    }
  });
}

// ---------------------------------------------------------------- step-up and adding a passkey

function setUpStepUp() {
  const button = document.getElementById('stepup-button');
  const status = document.getElementById('stepup-status');
  const errorBox = document.getElementById('stepup-error');
  const next = button.dataset.next || '/account/security';
  button.addEventListener('click', async () => {
    show(errorBox, '');
    button.disabled = true;
    try {
      const options = await postJson('/api/account/stepup/options', {});
      show(status, text('promptGet', 'Follow your device’s prompt to use your passkey.'));
      const credential = await navigator.credentials.get({
        publicKey: PublicKeyCredential.parseRequestOptionsFromJSON(options),
      });
      const result = await postJson(`/api/account/stepup/finish?next=${encodeURIComponent(next)}`,
        await finishBody(credential));
      window.location.assign(result.redirect);
    } catch (error) {
      console.error(new Error('Step-up failed', { cause: error }));
      show(status, '');
      show(errorBox, explain(error, 'get'));
      button.disabled = false;
    }
  });
}

function setUpAddPasskey() {
  // "On this device" / "On a phone or tablet" / "On a security key": each asks for options with its
  // WebAuthn L3 hint (data-hint).
  const buttons = [...document.querySelectorAll('button.add-passkey-choice')];
  const status = document.getElementById('add-passkey-status');
  const errorBox = document.getElementById('add-passkey-error');
  const create = async (hint) => {
    show(errorBox, '');
    buttons.forEach((b) => { b.disabled = true; });
    try {
      const options = await postJson('/api/account/passkeys/options', hint ? { hint } : {});
      show(status, text('promptCreate', 'Follow your device’s prompt to create your passkey.'));
      const credential = await navigator.credentials.create({
        publicKey: PublicKeyCredential.parseCreationOptionsFromJSON(options),
      });
      show(status, text('saving', 'Saving your passkey…'));
      const result = await postJson('/api/account/passkeys/finish', await finishBody(credential));
      window.location.assign(result.redirect);
    } catch (error) {
      console.error(new Error('Adding a passkey failed', { cause: error }));
      show(status, '');
      if (error.details?.reason === 'STEP_UP_REQUIRED') {
        window.location.assign(`/account/step-up?next=${encodeURIComponent('/account/passkeys/new')}`);
        return;
      }
      show(errorBox, explain(error, 'create'));
      buttons.forEach((b) => { b.disabled = false; });
    }
  };
  buttons.forEach((b) => b.addEventListener('click', () => create(b.dataset.hint)));
}

// ---------------------------------------------------------------- Signal API

// WebAuthn L3 §5.1.10: tell the passkey provider what the server knows, so that it stops offering
// passkeys that no longer work. Each call only where the browser has it; a failure changes nothing.
const signalFailed = (what) => (error) => console.warn(new Error(`Could not tell the passkey provider ${what}`, { cause: error }));

// Only when the server is certain that no passkey has this id (a 400 with reason UNKNOWN_CREDENTIAL,
// never any other answer, such as a server or database error): the provider may delete it.
// What it sends, the RP ID and the id the authenticator itself presented, reveals no account.
function signalUnknownCredential(error, options, credential) {
  if (error?.status !== 400 || error.details?.reason !== 'UNKNOWN_CREDENTIAL' || !options?.rpId || !credential?.id
      || typeof PublicKeyCredential.signalUnknownCredential !== 'function') {
    return;
  }
  PublicKeyCredential.signalUnknownCredential({ rpId: options.rpId, credentialId: credential.id })
    .catch(signalFailed('that this passkey is unknown'));
}

// The account page (passkey-cards.html) hands over the account's COMPLETE list of passkey ids
// (a partial list would hide valid passkeys), and its current details when they have changed.
function setUpPasskeySignals() {
  const data = document.getElementById('passkey-signals')?.dataset;
  if (!data || typeof window.PublicKeyCredential !== 'function' || !data.rpId || !data.userId) return;
  const { rpId, userId } = data;
  if (typeof PublicKeyCredential.signalAllAcceptedCredentials === 'function') {
    const allAcceptedCredentialIds = (data.credentialIds || '').split(/\s+/).filter(Boolean);
    PublicKeyCredential.signalAllAcceptedCredentials({ rpId, userId, allAcceptedCredentialIds })
      .catch(signalFailed('which passkeys are current'));
  }
  if (data.detailsChanged === 'true' && typeof PublicKeyCredential.signalCurrentUserDetails === 'function') {
    PublicKeyCredential.signalCurrentUserDetails({ rpId, userId, name: data.userName, displayName: data.displayName })
      .catch(signalFailed('your new account details'));
  }
}

// ---------------------------------------------------------------- show password

// A checkbox with data-reveal="id ..." shows those password fields as plain text while checked.
// Its label is hidden in the markup and revealed here, so without this script there is no dead control.
function setUpPasswordReveal() {
  document.querySelectorAll('input[type="checkbox"][data-reveal]').forEach((toggle) => {
    const fields = toggle.dataset.reveal.split(/\s+/).map((id) => document.getElementById(id)).filter(Boolean);
    if (fields.length === 0) {
      return;
    }
    const show = (visible) => fields.forEach((field) => { field.type = visible ? 'text' : 'password'; });
    toggle.addEventListener('change', () => show(toggle.checked));
    // Submitted as a password field, so browsers neither remember it as text nor offer it elsewhere.
    toggle.form?.addEventListener('submit', () => show(false));
    toggle.closest('label')?.removeAttribute('hidden');
  });
}

// ---------------------------------------------------------------- nudges

// A nudge never blocks: on a form with data-dismiss-on-escape="<answer>", the Escape key submits
// that answer (for example "not-now"), as if its button had been pressed.
function setUpNudgeEscape() {
  document.querySelectorAll('form[data-dismiss-on-escape]').forEach((form) => {
    const button = form.querySelector(`button[name="answer"][value="${form.dataset.dismissOnEscape}"]`);
    if (!button) {
      return;
    }
    document.addEventListener('keydown', (event) => {
      if (event.key === 'Escape' && !event.defaultPrevented) {
        event.preventDefault();
        form.requestSubmit(button);
      }
    });
  });
}

// ---------------------------------------------------------------- recovery codes

// Copy and Print on the page that shows new recovery codes: revealed here, so without this script there is no
// dead control (the download link works without it).
function setUpRecoveryCodes() {
  const list = document.getElementById('recovery-codes');
  if (!list) return;
  const codes = [...list.querySelectorAll('code')].map((c) => c.textContent.trim());
  const status = document.getElementById('copy-status');
  const copy = document.getElementById('copy-codes');
  if (copy && navigator.clipboard?.writeText) {
    copy.hidden = false;
    copy.addEventListener('click', async () => {
      try {
        await navigator.clipboard.writeText(codes.join('\n'));
        status.textContent = 'Copied. Paste them into your password manager.';
      } catch (error) {
        console.warn(new Error('Could not copy the recovery codes', { cause: error }));
        status.textContent = 'This browser did not let us copy. Download or print them instead.';
      }
    });
  }
  const print = document.getElementById('print-codes');
  if (print && typeof window.print === 'function') {
    print.hidden = false;
    print.addEventListener('click', () => window.print());
  }
}

// ---------------------------------------------------------------- start

setUpPasswordReveal();
setUpPasskeySignals();
setUpRecoveryCodes();
setUpNudgeEscape();

const setUps = { signin: setUpSignIn, signup: setUpSignUp, 'step-up': setUpStepUp, 'add-passkey': setUpAddPasskey };
const page = document.body.dataset.page;
if (setUps[page]) {
  if (!browserCanUsePasskeys()) {
    show(document.getElementById('unsupported'), document.getElementById('unsupported').textContent.trim());
    // Only the passkey buttons: the email-code fallback works in any browser.
    document.querySelectorAll('#passkey-button, #signup-button, #stepup-button, button[data-hint]')
      .forEach((b) => { b.disabled = true; });
  } else {
    setUps[page]();
  }
}

/**
 * A page that creates a passkey from a link, with no session (the link handoff's second device, an
 * assisted recovery's phone): elements `<prefix>-create` (the button), `<prefix>-status`,
 * `<prefix>-error`, `<prefix>-intro` and `unsupported`. The button posts the link's token to
 * `<api>/options`, creates the passkey, posts it with the token to `<api>/finish`, then hides itself
 * and the intro and hands the answer to `done(answer, status)`.
 */
export function createPasskeyFromLink({ prefix, api, token, prompt, failure, done }) {
  const button = document.getElementById(`${prefix}-create`);
  const status = document.getElementById(`${prefix}-status`);
  const errorBox = document.getElementById(`${prefix}-error`);

  const create = async () => {
    show(errorBox, '');
    button.disabled = true;
    try {
      const options = await postJson(`${api}/options`, { token });
      show(status, prompt);
      const credential = await navigator.credentials.create({
        publicKey: PublicKeyCredential.parseCreationOptionsFromJSON(options),
      });
      show(status, text('saving', 'Saving your passkey…'));
      const body = await finishBody(credential);
      body.token = token;
      const answer = await postJson(`${api}/finish`, body);
      button.hidden = true;
      document.getElementById(`${prefix}-intro`).hidden = true;
      done(answer, status);
    } catch (error) {
      console.error(new Error(failure, { cause: error }));
      show(status, '');
      show(errorBox, explain(error, 'create'));
      button.disabled = false;
    }
  };

  if (!browserCanUsePasskeys()) {
    const unsupported = document.getElementById('unsupported');
    show(unsupported, unsupported.textContent.trim());
    button.disabled = true;
  } else {
    button.addEventListener('click', create);
  }
}
