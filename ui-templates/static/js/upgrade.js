// Scenario e, the automatic passkey upgrade: on the page right after a password sign-in, and only
// where the server offered it (#auto-upgrade), ask the browser to save a passkey without a prompt
// (navigator.credentials.create with mediation "conditional"). The server issued a conditional
// ceremony for it. Whatever goes wrong stays silent: no message, no interstitial; the page only
// tells the server (for the operators' upgrade outcomes) whether the browser declined or it failed.
import { browserCanUsePasskeys, postJson, finishBody } from './webauthn.js';

async function upgrade() {
  if (!document.getElementById('auto-upgrade') || !browserCanUsePasskeys()
      || typeof PublicKeyCredential.getClientCapabilities !== 'function') {
    return;
  }
  const capabilities = await PublicKeyCredential.getClientCapabilities();
  if (capabilities?.conditionalCreate !== true) return;
  try {
    const options = await postJson('/api/account/upgrade/options', {});
    const credential = await navigator.credentials.create({
      publicKey: PublicKeyCredential.parseCreationOptionsFromJSON(options),
      mediation: 'conditional',
    });
    if (!credential) {
      await report('declined');
      return;
    }
    await postJson('/api/account/upgrade/finish', await finishBody(credential));
  } catch (error) {
    await report(error?.name === 'NotAllowedError' ? 'declined' : 'failed');
    throw error;
  }
}

async function report(outcome) {
  try {
    await postJson('/api/account/upgrade/outcome', { outcome });
  } catch (ignored) {
    // An offer that is gone (403) or a network failure: nothing to count.
  }
}

upgrade().catch((error) => console.info('Automatic passkey upgrade did not happen', error));
