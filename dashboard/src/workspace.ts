import { type Credentials, getCustomer } from './api';
import { CustomerBoard } from './customers';
import { LiveConnection } from './live';

/**
 * The console of one session: its own live connection and board, opened at sign-in and closed at sign-out.
 * A new connection per session, because the gateway knows a connection by the token it was opened with: the
 * next user must not inherit the previous one's connection or subscriptions.
 */
export class Workspace {
  readonly live: LiveConnection;
  readonly board: CustomerBoard;

  /** The session's token, for the REST calls a console makes beside its topics. */
  constructor(readonly credentials: Credentials, ids: readonly string[]) {
    this.live = new LiveConnection({ credentials });
    this.board = new CustomerBoard(this.live, (id) => getCustomer(id, credentials));
    for (const id of ids) this.board.add(id);
    this.live.start();
  }

  close(): void {
    this.board.dispose();
    void this.live.stop();
  }
}
