// The person's phone in an assisted recovery (/recover/{token}): create a new passkey here, then
// sign in with it. The page names no account and grants no session. Its words come from the page
// (#recover-device data-msg-*), in the page's language.
import { createPasskeyFromLink, show } from './webauthn.js';

const box = document.getElementById('recover-device');
if (box) {
  createPasskeyFromLink({
    prefix: 'recover',
    api: '/api/recover',
    token: box.dataset.token,
    prompt: box.dataset.msgPrompt,
    failure: 'Creating a passkey for an assisted recovery failed',
    done: (answer, status) => {
      show(status, box.dataset.msgDone);
      document.getElementById('recover-done').hidden = false;
    },
  });
}
