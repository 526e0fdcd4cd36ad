import { render } from 'preact';
import '../style.css';
import './portal.css';
import { PortalApp } from './app';
import { currentSession, parseFragment, saveSession, sessionOf } from './session';

// What arrived in the fragment is taken out of the address before anything renders: a link's token is used once,
// and neither it nor a "view as" session should stay in the history, a bookmark or a shared screenshot of the bar.
const fragment = parseFragment(location.hash);
if (location.hash) history.replaceState(null, '', location.pathname + location.search);
let initial = currentSession();
if (fragment.kind === 'view') {
  try {
    initial = sessionOf(fragment.token);
    saveSession(initial);
  } catch {
    initial = null;
  }
}

render(
  <PortalApp initialSession={initial} linkToken={fragment.kind === 'link' ? fragment.token : null} />,
  document.getElementById('app')!,
);
