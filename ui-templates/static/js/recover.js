// The person's phone in an assisted recovery (/recover/{token}): create a new passkey here, then
// sign in with it. The page names no account and grants no session.
import { createPasskeyFromLink, show } from './webauthn.js';

const box = document.getElementById('recover-device');
if (box) {
  createPasskeyFromLink({
    prefix: 'recover',
    api: '/api/recover',
    token: box.dataset.token,
    prompt: 'Follow your phone’s prompt to create your passkey.',
    failure: 'Creating a passkey for an assisted recovery failed',
    done: (answer, status) => {
      show(status, 'Done: your new passkey is ready on this phone. Sign in with it now.');
      document.getElementById('recover-done').hidden = false;
    },
  });
}
