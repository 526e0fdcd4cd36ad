import { render } from 'preact';
import '../style.css';
import '../portal/portal.css';
import { ReferPage } from './refer';
import { takeToken } from './token';

// The token leaves the address before anything renders (see token.ts).
const token = takeToken(sessionStorage, location, history);
// Another link pasted into this tab changes only the fragment: read it afresh, as a newly opened page.
window.addEventListener('hashchange', () => location.reload());

render(<ReferPage token={token} />, document.getElementById('app')!);
