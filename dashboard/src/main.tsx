import { render } from 'preact';
import { App } from './components/App';
import { CustomerBoard, parseCustomerIds } from './customers';
import { LiveConnection } from './live';
import './styles.css';

const DEFAULT_CUSTOMERS = 'C000001,C000002,C000003';

const live = new LiveConnection();
const board = new CustomerBoard(live);

const params = new URLSearchParams(window.location.search);
for (const id of parseCustomerIds(params.get('customers') ?? DEFAULT_CUSTOMERS)) board.add(id);

// The URL keeps the cards on screen, so a reload or a shared link shows the same customers.
board.ids.subscribe((ids) => {
  const url = new URL(window.location.href);
  url.searchParams.delete('customers');
  const rest = url.searchParams.toString();
  url.search = `?customers=${ids.map(encodeURIComponent).join(',')}${rest ? `&${rest}` : ''}`;
  window.history.replaceState(window.history.state, '', url);
});

live.start();
render(<App board={board} live={live} />, document.getElementById('app')!);
