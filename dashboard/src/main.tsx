import { render } from 'preact';
import { App } from './components/App';
import { parseCustomerIds } from './customers';
import { Observable } from './observable';
import { Session } from './session';
import { Workspace } from './workspace';
import './styles.css';

const DEFAULT_CUSTOMERS = 'C000001,C000002,C000003';

const session = new Session();
const workspace = new Observable<Workspace | null>(null);
let stopUrlSync: (() => void) | undefined;

// The URL keeps the cards on screen, so a reload, a shared link or the next sign-in shows the same customers.
function writeUrl(ids: readonly string[]): void {
  const url = new URL(window.location.href);
  url.searchParams.delete('customers');
  const rest = url.searchParams.toString();
  url.search = `?customers=${ids.map(encodeURIComponent).join(',')}${rest ? `&${rest}` : ''}`;
  window.history.replaceState(window.history.state, '', url);
}

// Signed in: open the console with the URL's customers. Signed out (by hand, expiry or a 401): close it, so
// nothing keeps fetching or listening without a valid token.
function follow(signedIn: boolean): void {
  const current = workspace.get();
  if (signedIn && !current) {
    const params = new URLSearchParams(window.location.search);
    // Only the administrator's console is the board of cards; the role consoles show their own lists, and
    // cards of customers outside the role's scope would only be refused.
    const state = session.state.get();
    const isAdmin = state.kind === 'signedIn' && state.session.role === 'admin';
    const opened = new Workspace(session, isAdmin ? parseCustomerIds(params.get('customers') ?? DEFAULT_CUSTOMERS) : []);
    if (isAdmin) stopUrlSync = opened.board.ids.subscribe(writeUrl);
    workspace.set(opened);
  } else if (!signedIn && current) {
    stopUrlSync?.();
    stopUrlSync = undefined;
    current.close();
    workspace.set(null);
  }
}

follow(session.state.get().kind === 'signedIn');
session.state.subscribe((state) => follow(state.kind === 'signedIn'));
render(<App session={session} workspace={workspace} />, document.getElementById('app')!);
