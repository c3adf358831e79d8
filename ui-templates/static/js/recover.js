// The person's phone in an assisted recovery (/recover/{token}): create a new passkey here, then
// sign in with it. The page names no account and grants no session.
import { browserCanUsePasskeys, postJson, finishBody, explain, show } from './webauthn.js';

const box = document.getElementById('recover-device');
if (box) {
  const token = box.dataset.token;
  const button = document.getElementById('recover-create');
  const status = document.getElementById('recover-status');
  const errorBox = document.getElementById('recover-error');

  const create = async () => {
    show(errorBox, '');
    button.disabled = true;
    try {
      const options = await postJson('/api/recover/options', { token });
      show(status, 'Follow your phone’s prompt to create your passkey.');
      const credential = await navigator.credentials.create({
        publicKey: PublicKeyCredential.parseCreationOptionsFromJSON(options),
      });
      show(status, 'Saving your passkey…');
      const body = await finishBody(credential);
      body.token = token;
      await postJson('/api/recover/finish', body);
      button.hidden = true;
      document.getElementById('recover-intro').hidden = true;
      show(status, 'Done: your new passkey is ready on this phone. Sign in with it now.');
      document.getElementById('recover-done').hidden = false;
    } catch (error) {
      console.error(new Error('Creating a passkey for an assisted recovery failed', { cause: error }));
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
