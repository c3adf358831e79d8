// Device 2 of the link handoff (/handoff/{token}): create a passkey here, show the pairing code,
// then wait until the code was typed on device 1. Nothing on this page names the account until
// then; after pairing, the passkey manager's entry gets the real name (signalCurrentUserDetails).
// Its words come from the page, in the page's language (#handoff-device data-msg-*).
import { createPasskeyFromLink, postJson, show } from './webauthn.js';

const box = document.getElementById('handoff-device');
if (box) {
  const token = box.dataset.token;
  const words = box.dataset;
  const status = document.getElementById('handoff-status');
  const errorBox = document.getElementById('handoff-error');
  const codeBox = document.getElementById('handoff-code-box');

  const waitForPairing = async () => {
    for (let i = 0; i < 160; i++) { // about 5 minutes at 2 seconds
      await new Promise((resolve) => { setTimeout(resolve, 2000); });
      let answer;
      try {
        answer = await postJson('/api/handoff/status', { token });
      } catch (error) {
        show(status, '');
        show(errorBox, error.message);
        return;
      }
      if (answer.state === 'PAIRED') {
        codeBox.hidden = true;
        show(status, words.msgDone);
        const user = answer.user;
        if (user && typeof PublicKeyCredential.signalCurrentUserDetails === 'function') {
          try {
            await PublicKeyCredential.signalCurrentUserDetails({
              rpId: window.location.hostname, userId: user.userId, name: user.name, displayName: user.displayName,
            });
          } catch (error) {
            console.warn('Could not update the passkey name', error);
          }
        }
        return;
      }
      if (answer.state === 'FAILED' || answer.state === 'EXPIRED') {
        codeBox.hidden = true;
        show(status, '');
        show(errorBox, answer.state === 'FAILED'
          ? words.msgFailed : words.msgExpired);
        return;
      }
    }
  };

  createPasskeyFromLink({
    prefix: 'handoff',
    api: '/api/handoff',
    token,
    prompt: words.msgPrompt,
    failure: 'Adding a passkey by link failed',
    done: (result) => {
      document.getElementById('handoff-code').textContent = result.code;
      codeBox.hidden = false;
      show(status, words.msgWaiting);
      waitForPairing();
    },
  });
}
